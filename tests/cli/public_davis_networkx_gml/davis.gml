graph [
  node [
    id 0
    label "Evelyn Jefferson"
    bipartite 0
  ]
  node [
    id 1
    label "Laura Mandeville"
    bipartite 0
  ]
  node [
    id 2
    label "Theresa Anderson"
    bipartite 0
  ]
  node [
    id 3
    label "Brenda Rogers"
    bipartite 0
  ]
  node [
    id 4
    label "Charlotte McDowd"
    bipartite 0
  ]
  node [
    id 5
    label "Frances Anderson"
    bipartite 0
  ]
  node [
    id 6
    label "Eleanor Nye"
    bipartite 0
  ]
  node [
    id 7
    label "Pearl Oglethorpe"
    bipartite 0
  ]
  node [
    id 8
    label "Ruth DeSand"
    bipartite 0
  ]
  node [
    id 9
    label "Verne Sanderson"
    bipartite 0
  ]
  node [
    id 10
    label "Myra Liddel"
    bipartite 0
  ]
  node [
    id 11
    label "Katherina Rogers"
    bipartite 0
  ]
  node [
    id 12
    label "Sylvia Avondale"
    bipartite 0
  ]
  node [
    id 13
    label "Nora Fayette"
    bipartite 0
  ]
  node [
    id 14
    label "Helen Lloyd"
    bipartite 0
  ]
  node [
    id 15
    label "Dorothy Murchison"
    bipartite 0
  ]
  node [
    id 16
    label "Olivia Carleton"
    bipartite 0
  ]
  node [
    id 17
    label "Flora Price"
    bipartite 0
  ]
  node [
    id 18
    label "E1"
    bipartite 1
  ]
  node [
    id 19
    label "E2"
    bipartite 1
  ]
  node [
    id 20
    label "E3"
    bipartite 1
  ]
  node [
    id 21
    label "E4"
    bipartite 1
  ]
  node [
    id 22
    label "E5"
    bipartite 1
  ]
  node [
    id 23
    label "E6"
    bipartite 1
  ]
  node [
    id 24
    label "E7"
    bipartite 1
  ]
  node [
    id 25
    label "E8"
    bipartite 1
  ]
  node [
    id 26
    label "E9"
    bipartite 1
  ]
  node [
    id 27
    label "E10"
    bipartite 1
  ]
  node [
    id 28
    label "E11"
    bipartite 1
  ]
  node [
    id 29
    label "E12"
    bipartite 1
  ]
  node [
    id 30
    label "E13"
    bipartite 1
  ]
  node [
    id 31
    label "E14"
    bipartite 1
  ]
  edge [
    source 0
    target 18
  ]
  edge [
    source 0
    target 19
  ]
  edge [
    source 0
    target 20
  ]
  edge [
    source 0
    target 21
  ]
  edge [
    source 0
    target 22
  ]
  edge [
    source 0
    target 23
  ]
  edge [
    source 0
    target 25
  ]
  edge [
    source 0
    target 26
  ]
  edge [
    source 1
    target 18
  ]
  edge [
    source 1
    target 19
  ]
  edge [
    source 1
    target 20
  ]
  edge [
    source 1
    target 22
  ]
  edge [
    source 1
    target 23
  ]
  edge [
    source 1
    target 24
  ]
  edge [
    source 1
    target 25
  ]
  edge [
    source 2
    target 19
  ]
  edge [
    source 2
    target 20
  ]
  edge [
    source 2
    target 21
  ]
  edge [
    source 2
    target 22
  ]
  edge [
    source 2
    target 23
  ]
  edge [
    source 2
    target 24
  ]
  edge [
    source 2
    target 25
  ]
  edge [
    source 2
    target 26
  ]
  edge [
    source 3
    target 18
  ]
  edge [
    source 3
    target 20
  ]
  edge [
    source 3
    target 21
  ]
  edge [
    source 3
    target 22
  ]
  edge [
    source 3
    target 23
  ]
  edge [
    source 3
    target 24
  ]
  edge [
    source 3
    target 25
  ]
  edge [
    source 4
    target 20
  ]
  edge [
    source 4
    target 21
  ]
  edge [
    source 4
    target 22
  ]
  edge [
    source 4
    target 24
  ]
  edge [
    source 5
    target 20
  ]
  edge [
    source 5
    target 22
  ]
  edge [
    source 5
    target 23
  ]
  edge [
    source 5
    target 25
  ]
  edge [
    source 6
    target 22
  ]
  edge [
    source 6
    target 23
  ]
  edge [
    source 6
    target 24
  ]
  edge [
    source 6
    target 25
  ]
  edge [
    source 7
    target 23
  ]
  edge [
    source 7
    target 25
  ]
  edge [
    source 7
    target 26
  ]
  edge [
    source 8
    target 22
  ]
  edge [
    source 8
    target 24
  ]
  edge [
    source 8
    target 25
  ]
  edge [
    source 8
    target 26
  ]
  edge [
    source 9
    target 24
  ]
  edge [
    source 9
    target 25
  ]
  edge [
    source 9
    target 26
  ]
  edge [
    source 9
    target 29
  ]
  edge [
    source 10
    target 25
  ]
  edge [
    source 10
    target 26
  ]
  edge [
    source 10
    target 27
  ]
  edge [
    source 10
    target 29
  ]
  edge [
    source 11
    target 25
  ]
  edge [
    source 11
    target 26
  ]
  edge [
    source 11
    target 27
  ]
  edge [
    source 11
    target 29
  ]
  edge [
    source 11
    target 30
  ]
  edge [
    source 11
    target 31
  ]
  edge [
    source 12
    target 24
  ]
  edge [
    source 12
    target 25
  ]
  edge [
    source 12
    target 26
  ]
  edge [
    source 12
    target 27
  ]
  edge [
    source 12
    target 29
  ]
  edge [
    source 12
    target 30
  ]
  edge [
    source 12
    target 31
  ]
  edge [
    source 13
    target 23
  ]
  edge [
    source 13
    target 24
  ]
  edge [
    source 13
    target 26
  ]
  edge [
    source 13
    target 27
  ]
  edge [
    source 13
    target 28
  ]
  edge [
    source 13
    target 29
  ]
  edge [
    source 13
    target 30
  ]
  edge [
    source 13
    target 31
  ]
  edge [
    source 14
    target 24
  ]
  edge [
    source 14
    target 25
  ]
  edge [
    source 14
    target 27
  ]
  edge [
    source 14
    target 28
  ]
  edge [
    source 14
    target 29
  ]
  edge [
    source 15
    target 25
  ]
  edge [
    source 15
    target 26
  ]
  edge [
    source 16
    target 26
  ]
  edge [
    source 16
    target 28
  ]
  edge [
    source 17
    target 26
  ]
  edge [
    source 17
    target 28
  ]
]
