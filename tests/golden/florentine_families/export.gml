graph [
  directed 0
  source "datasets/florentine_families.csv"
  view "graph"
  community_method "leiden"
  communities 3
  modularity 0.39125000000000004
  node [
    id 0
    label "Acciaiuoli"
    kind "node"
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.3684210526315789
    harmonic 5.916666666666666
    pagerank 0.030657437374654598
    eigenvector 0.30711552155033583
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 1
    label "Medici"
    kind "node"
    degree 6.0
    strength 6.0
    betweenness 47.5
    closeness 0.56
    harmonic 9.5
    pagerank 0.14581720499756182
    eigenvector 1.0
    coreness 2.0
    constraint 0.20987654320987653
    clustering 0.06666666666666667
    community 1
  ]
  node [
    id 2
    label "Barbadori"
    kind "node"
    degree 2.0
    strength 2.0
    betweenness 8.5
    closeness 0.4375
    harmonic 7.083333333333333
    pagerank 0.05030098711250972
    eigenvector 0.49198528703575234
    coreness 2.0
    constraint 0.5
    clustering 0.0
    community 1
  ]
  node [
    id 3
    label "Ridolfi"
    kind "node"
    degree 3.0
    strength 3.0
    betweenness 10.333333333333334
    closeness 0.5
    harmonic 8.0
    pagerank 0.06957426654213783
    eigenvector 0.7937397617827254
    coreness 2.0
    constraint 0.4598765432098765
    clustering 0.3333333333333333
    community 1
  ]
  node [
    id 4
    label "Tornabuoni"
    kind "node"
    degree 3.0
    strength 3.0
    betweenness 8.333333333333332
    closeness 0.4827586206896552
    harmonic 7.833333333333333
    pagerank 0.07127968581935291
    eigenvector 0.7572302395344301
    coreness 2.0
    constraint 0.4598765432098765
    clustering 0.3333333333333333
    community 1
  ]
  node [
    id 5
    label "Albizzi"
    kind "node"
    degree 3.0
    strength 3.0
    betweenness 19.333333333333332
    closeness 0.4827586206896552
    harmonic 7.833333333333333
    pagerank 0.07912225286377238
    eigenvector 0.566933582094417
    coreness 2.0
    constraint 0.3333333333333333
    clustering 0.0
    community 2
  ]
  node [
    id 6
    label "Salviati"
    kind "node"
    degree 2.0
    strength 2.0
    betweenness 13.0
    closeness 0.3888888888888889
    harmonic 6.583333333333332
    pagerank 0.061303228766582556
    eigenvector 0.33909935343319825
    coreness 1.0
    constraint 0.5
    clustering 0.0
    community 1
  ]
  node [
    id 7
    label "Castellani"
    kind "node"
    degree 3.0
    strength 3.0
    betweenness 5.0
    closeness 0.3888888888888889
    harmonic 6.916666666666665
    pagerank 0.06933017554537103
    eigenvector 0.6019551358139887
    coreness 2.0
    constraint 0.48225308641975306
    clustering 0.3333333333333333
    community 3
  ]
  node [
    id 8
    label "Peruzzi"
    kind "node"
    degree 3.0
    strength 3.0
    betweenness 2.0
    closeness 0.3684210526315789
    harmonic 6.783333333333333
    pagerank 0.06787531001372167
    eigenvector 0.6407743135658199
    coreness 2.0
    constraint 0.6558641975308641
    clustering 0.6666666666666666
    community 3
  ]
  node [
    id 9
    label "Strozzi"
    kind "node"
    degree 4.0
    strength 4.0
    betweenness 9.333333333333332
    closeness 0.4375
    harmonic 7.833333333333332
    pagerank 0.08809843851921531
    eigenvector 0.8272687717036987
    coreness 2.0
    constraint 0.4583333333333333
    clustering 0.3333333333333333
    community 3
  ]
  node [
    id 10
    label "Bischeri"
    kind "node"
    degree 3.0
    strength 3.0
    betweenness 9.5
    closeness 0.4
    harmonic 7.2
    pagerank 0.068861795613647
    eigenvector 0.6572037348598657
    coreness 2.0
    constraint 0.482253086419753
    clustering 0.3333333333333333
    community 3
  ]
  node [
    id 11
    label "Guadagni"
    kind "node"
    degree 4.0
    strength 4.0
    betweenness 23.166666666666664
    closeness 0.4666666666666667
    harmonic 8.083333333333334
    pagerank 0.09839783336984752
    eigenvector 0.6718804573188375
    coreness 2.0
    constraint 0.25
    clustering 0.0
    community 2
  ]
  node [
    id 12
    label "Ginori"
    kind "node"
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.3333333333333333
    harmonic 5.333333333333333
    pagerank 0.03241797164473551
    eigenvector 0.17411410274932704
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 2
  ]
  node [
    id 13
    label "Pazzi"
    kind "node"
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.2857142857142857
    harmonic 4.766666666666667
    pagerank 0.03605387222579759
    eigenvector 0.10414267478701827
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 14
    label "Lamberteschi"
    kind "node"
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.32558139534883723
    harmonic 5.366666666666666
    pagerank 0.0309095395910926
    eigenvector 0.206344917068953
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 2
  ]
  edge [
    source 0
    target 1
    weight 1.0
  ]
  edge [
    source 1
    target 2
    weight 1.0
  ]
  edge [
    source 1
    target 3
    weight 1.0
  ]
  edge [
    source 1
    target 4
    weight 1.0
  ]
  edge [
    source 1
    target 5
    weight 1.0
  ]
  edge [
    source 1
    target 6
    weight 1.0
  ]
  edge [
    source 7
    target 8
    weight 1.0
  ]
  edge [
    source 7
    target 9
    weight 1.0
  ]
  edge [
    source 2
    target 7
    weight 1.0
  ]
  edge [
    source 8
    target 9
    weight 1.0
  ]
  edge [
    source 8
    target 10
    weight 1.0
  ]
  edge [
    source 3
    target 9
    weight 1.0
  ]
  edge [
    source 9
    target 10
    weight 1.0
  ]
  edge [
    source 3
    target 4
    weight 1.0
  ]
  edge [
    source 4
    target 11
    weight 1.0
  ]
  edge [
    source 5
    target 12
    weight 1.0
  ]
  edge [
    source 5
    target 11
    weight 1.0
  ]
  edge [
    source 6
    target 13
    weight 1.0
  ]
  edge [
    source 10
    target 11
    weight 1.0
  ]
  edge [
    source 11
    target 14
    weight 1.0
  ]
]
