graph [
  directed 0
  source "datasets/davis_southern_women.csv"
  view "people"
  weighting "count"
  community_method "leiden"
  communities 2
  modularity 0.15186528297519392
  node [
    id 0
    label "Evelyn Jefferson"
    kind "person"
    credits 8
    degree 17.0
    strength 50.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.07415035416365139
    eigenvector 0.9009066893575265
    coreness 14.0
    constraint 0.2577885489845873
    clustering 0.8970588235294118
    community 2
  ]
  node [
    id 1
    label "Laura Mandeville"
    kind "person"
    credits 7
    degree 15.0
    strength 45.0
    betweenness 0.36363636363636365
    closeness 0.8947368421052632
    harmonic 16.0
    pagerank 0.06675243008569397
    eigenvector 0.8496776357398715
    coreness 14.0
    constraint 0.2776774197383302
    clustering 0.9619047619047619
    community 2
  ]
  node [
    id 2
    label "Theresa Anderson"
    kind "person"
    credits 8
    degree 17.0
    strength 57.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.08348536061652477
    eigenvector 1.0
    coreness 14.0
    constraint 0.24572150100644907
    clustering 0.8970588235294118
    community 2
  ]
  node [
    id 3
    label "Brenda Rogers"
    kind "person"
    credits 7
    degree 15.0
    strength 46.0
    betweenness 0.36363636363636365
    closeness 0.8947368421052632
    harmonic 16.0
    pagerank 0.0681440358000033
    eigenvector 0.8605304293953719
    coreness 14.0
    constraint 0.27603800473325746
    clustering 0.9619047619047619
    community 2
  ]
  node [
    id 4
    label "Charlotte McDowd"
    kind "person"
    credits 4
    degree 11.0
    strength 24.0
    betweenness 0.0
    closeness 0.7391304347826086
    harmonic 14.0
    pagerank 0.039005080260764255
    eigenvector 0.4926904510102853
    coreness 11.0
    constraint 0.32146033769653165
    clustering 1.0
    community 2
  ]
  node [
    id 5
    label "Frances Anderson"
    kind "person"
    credits 4
    degree 15.0
    strength 32.0
    betweenness 0.36363636363636365
    closeness 0.8947368421052632
    harmonic 16.0
    pagerank 0.04975434119601966
    eigenvector 0.6164718787908763
    coreness 14.0
    constraint 0.28859650864317765
    clustering 0.9619047619047619
    community 2
  ]
  node [
    id 6
    label "Eleanor Nye"
    kind "person"
    credits 4
    degree 15.0
    strength 36.0
    betweenness 0.36363636363636365
    closeness 0.8947368421052632
    harmonic 16.0
    pagerank 0.055099159076465065
    eigenvector 0.6760977925554297
    coreness 14.0
    constraint 0.2683694617107758
    clustering 0.9619047619047619
    community 2
  ]
  node [
    id 7
    label "Pearl Oglethorpe"
    kind "person"
    credits 3
    degree 16.0
    strength 31.0
    betweenness 0.7272727272727273
    closeness 0.9444444444444444
    harmonic 16.5
    pagerank 0.04941627178141498
    eigenvector 0.5487441231164443
    coreness 14.0
    constraint 0.2442032857446319
    clustering 0.9333333333333333
    community 1
  ]
  node [
    id 8
    label "Ruth DeSand"
    kind "person"
    credits 4
    degree 17.0
    strength 40.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.06128675306971478
    eigenvector 0.7028916088417622
    coreness 14.0
    constraint 0.24216766706573895
    clustering 0.8970588235294118
    community 2
  ]
  node [
    id 9
    label "Verne Sanderson"
    kind "person"
    credits 4
    degree 17.0
    strength 38.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.05881251636717021
    eigenvector 0.6525163467871733
    coreness 14.0
    constraint 0.24363827234962673
    clustering 0.8970588235294118
    community 1
  ]
  node [
    id 10
    label "Myra Liddel"
    kind "person"
    credits 4
    degree 16.0
    strength 33.0
    betweenness 0.7272727272727273
    closeness 0.9444444444444444
    harmonic 16.5
    pagerank 0.05229119696278043
    eigenvector 0.5592551190335318
    coreness 14.0
    constraint 0.256298321310919
    clustering 0.9333333333333333
    community 1
  ]
  node [
    id 11
    label "Katherina Rogers"
    kind "person"
    credits 6
    degree 16.0
    strength 37.0
    betweenness 0.7272727272727273
    closeness 0.9444444444444444
    harmonic 16.5
    pagerank 0.05756677831491332
    eigenvector 0.6278385599967221
    coreness 14.0
    constraint 0.2641867157948191
    clustering 0.9333333333333333
    community 1
  ]
  node [
    id 12
    label "Sylvia Avondale"
    kind "person"
    credits 7
    degree 17.0
    strength 46.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.06950249570999947
    eigenvector 0.7718128749882321
    coreness 14.0
    constraint 0.24771543471804577
    clustering 0.8970588235294118
    community 1
  ]
  node [
    id 13
    label "Nora Fayette"
    kind "person"
    credits 8
    degree 17.0
    strength 43.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.06600128578870831
    eigenvector 0.7163644376665101
    coreness 14.0
    constraint 0.24490726665894938
    clustering 0.8970588235294118
    community 1
  ]
  node [
    id 14
    label "Helen Lloyd"
    kind "person"
    credits 5
    degree 17.0
    strength 34.0
    betweenness 1.3766233766233766
    closeness 1.0
    harmonic 17.0
    pagerank 0.05346333920250979
    eigenvector 0.5853152261373905
    coreness 14.0
    constraint 0.25220698819364257
    clustering 0.8970588235294118
    community 1
  ]
  node [
    id 15
    label "Dorothy Murchison"
    kind "person"
    credits 2
    degree 16.0
    strength 24.0
    betweenness 0.7272727272727273
    closeness 0.9444444444444444
    harmonic 16.5
    pagerank 0.04031756457934078
    eigenvector 0.4129861795500933
    coreness 14.0
    constraint 0.24619417546428593
    clustering 0.9333333333333333
    community 1
  ]
  node [
    id 16
    label "Olivia Carleton"
    kind "person"
    credits 2
    degree 12.0
    strength 14.0
    betweenness 0.0
    closeness 0.7727272727272727
    harmonic 14.5
    pagerank 0.027475518512162737
    eigenvector 0.21913177187755553
    coreness 12.0
    constraint 0.26407016655112703
    clustering 1.0
    community 1
  ]
  node [
    id 17
    label "Flora Price"
    kind "person"
    credits 2
    degree 12.0
    strength 14.0
    betweenness 0.0
    closeness 0.7727272727272727
    harmonic 14.5
    pagerank 0.027475518512162733
    eigenvector 0.21913177187755556
    coreness 12.0
    constraint 0.26407016655112703
    clustering 1.0
    community 1
  ]
  edge [
    source 0
    target 1
    weight 6.0
  ]
  edge [
    source 0
    target 2
    weight 7.0
  ]
  edge [
    source 0
    target 3
    weight 6.0
  ]
  edge [
    source 0
    target 4
    weight 3.0
  ]
  edge [
    source 0
    target 5
    weight 4.0
  ]
  edge [
    source 0
    target 6
    weight 3.0
  ]
  edge [
    source 0
    target 7
    weight 3.0
  ]
  edge [
    source 0
    target 8
    weight 3.0
  ]
  edge [
    source 0
    target 9
    weight 2.0
  ]
  edge [
    source 0
    target 10
    weight 2.0
  ]
  edge [
    source 0
    target 11
    weight 2.0
  ]
  edge [
    source 0
    target 12
    weight 2.0
  ]
  edge [
    source 0
    target 13
    weight 2.0
  ]
  edge [
    source 0
    target 14
    weight 1.0
  ]
  edge [
    source 0
    target 15
    weight 2.0
  ]
  edge [
    source 0
    target 16
    weight 1.0
  ]
  edge [
    source 0
    target 17
    weight 1.0
  ]
  edge [
    source 1
    target 2
    weight 6.0
  ]
  edge [
    source 1
    target 3
    weight 6.0
  ]
  edge [
    source 1
    target 4
    weight 3.0
  ]
  edge [
    source 1
    target 5
    weight 4.0
  ]
  edge [
    source 1
    target 6
    weight 4.0
  ]
  edge [
    source 1
    target 7
    weight 2.0
  ]
  edge [
    source 1
    target 8
    weight 3.0
  ]
  edge [
    source 1
    target 9
    weight 2.0
  ]
  edge [
    source 1
    target 10
    weight 1.0
  ]
  edge [
    source 1
    target 11
    weight 1.0
  ]
  edge [
    source 1
    target 12
    weight 2.0
  ]
  edge [
    source 1
    target 13
    weight 2.0
  ]
  edge [
    source 1
    target 14
    weight 2.0
  ]
  edge [
    source 1
    target 15
    weight 1.0
  ]
  edge [
    source 2
    target 3
    weight 6.0
  ]
  edge [
    source 2
    target 4
    weight 4.0
  ]
  edge [
    source 2
    target 5
    weight 4.0
  ]
  edge [
    source 2
    target 6
    weight 4.0
  ]
  edge [
    source 2
    target 7
    weight 3.0
  ]
  edge [
    source 2
    target 8
    weight 4.0
  ]
  edge [
    source 2
    target 9
    weight 3.0
  ]
  edge [
    source 2
    target 10
    weight 2.0
  ]
  edge [
    source 2
    target 11
    weight 2.0
  ]
  edge [
    source 2
    target 12
    weight 3.0
  ]
  edge [
    source 2
    target 13
    weight 3.0
  ]
  edge [
    source 2
    target 14
    weight 2.0
  ]
  edge [
    source 2
    target 15
    weight 2.0
  ]
  edge [
    source 2
    target 16
    weight 1.0
  ]
  edge [
    source 2
    target 17
    weight 1.0
  ]
  edge [
    source 3
    target 4
    weight 4.0
  ]
  edge [
    source 3
    target 5
    weight 4.0
  ]
  edge [
    source 3
    target 6
    weight 4.0
  ]
  edge [
    source 3
    target 7
    weight 2.0
  ]
  edge [
    source 3
    target 8
    weight 3.0
  ]
  edge [
    source 3
    target 9
    weight 2.0
  ]
  edge [
    source 3
    target 10
    weight 1.0
  ]
  edge [
    source 3
    target 11
    weight 1.0
  ]
  edge [
    source 3
    target 12
    weight 2.0
  ]
  edge [
    source 3
    target 13
    weight 2.0
  ]
  edge [
    source 3
    target 14
    weight 2.0
  ]
  edge [
    source 3
    target 15
    weight 1.0
  ]
  edge [
    source 4
    target 5
    weight 2.0
  ]
  edge [
    source 4
    target 6
    weight 2.0
  ]
  edge [
    source 4
    target 8
    weight 2.0
  ]
  edge [
    source 4
    target 9
    weight 1.0
  ]
  edge [
    source 4
    target 12
    weight 1.0
  ]
  edge [
    source 4
    target 13
    weight 1.0
  ]
  edge [
    source 4
    target 14
    weight 1.0
  ]
  edge [
    source 5
    target 6
    weight 3.0
  ]
  edge [
    source 5
    target 7
    weight 2.0
  ]
  edge [
    source 5
    target 8
    weight 2.0
  ]
  edge [
    source 5
    target 9
    weight 1.0
  ]
  edge [
    source 5
    target 10
    weight 1.0
  ]
  edge [
    source 5
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
    target 13
    weight 1.0
  ]
  edge [
    source 5
    target 14
    weight 1.0
  ]
  edge [
    source 5
    target 15
    weight 1.0
  ]
  edge [
    source 6
    target 7
    weight 2.0
  ]
  edge [
    source 6
    target 8
    weight 3.0
  ]
  edge [
    source 6
    target 9
    weight 2.0
  ]
  edge [
    source 6
    target 10
    weight 1.0
  ]
  edge [
    source 6
    target 11
    weight 1.0
  ]
  edge [
    source 6
    target 12
    weight 2.0
  ]
  edge [
    source 6
    target 13
    weight 2.0
  ]
  edge [
    source 6
    target 14
    weight 2.0
  ]
  edge [
    source 6
    target 15
    weight 1.0
  ]
  edge [
    source 7
    target 8
    weight 2.0
  ]
  edge [
    source 7
    target 9
    weight 2.0
  ]
  edge [
    source 7
    target 10
    weight 2.0
  ]
  edge [
    source 7
    target 11
    weight 2.0
  ]
  edge [
    source 7
    target 12
    weight 2.0
  ]
  edge [
    source 7
    target 13
    weight 2.0
  ]
  edge [
    source 7
    target 14
    weight 1.0
  ]
  edge [
    source 7
    target 15
    weight 2.0
  ]
  edge [
    source 7
    target 16
    weight 1.0
  ]
  edge [
    source 7
    target 17
    weight 1.0
  ]
  edge [
    source 8
    target 9
    weight 3.0
  ]
  edge [
    source 8
    target 10
    weight 2.0
  ]
  edge [
    source 8
    target 11
    weight 2.0
  ]
  edge [
    source 8
    target 12
    weight 3.0
  ]
  edge [
    source 8
    target 13
    weight 2.0
  ]
  edge [
    source 8
    target 14
    weight 2.0
  ]
  edge [
    source 8
    target 15
    weight 2.0
  ]
  edge [
    source 8
    target 16
    weight 1.0
  ]
  edge [
    source 8
    target 17
    weight 1.0
  ]
  edge [
    source 9
    target 10
    weight 3.0
  ]
  edge [
    source 9
    target 11
    weight 3.0
  ]
  edge [
    source 9
    target 12
    weight 4.0
  ]
  edge [
    source 9
    target 13
    weight 3.0
  ]
  edge [
    source 9
    target 14
    weight 3.0
  ]
  edge [
    source 9
    target 15
    weight 2.0
  ]
  edge [
    source 9
    target 16
    weight 1.0
  ]
  edge [
    source 9
    target 17
    weight 1.0
  ]
  edge [
    source 10
    target 11
    weight 4.0
  ]
  edge [
    source 10
    target 12
    weight 4.0
  ]
  edge [
    source 10
    target 13
    weight 3.0
  ]
  edge [
    source 10
    target 14
    weight 3.0
  ]
  edge [
    source 10
    target 15
    weight 2.0
  ]
  edge [
    source 10
    target 16
    weight 1.0
  ]
  edge [
    source 10
    target 17
    weight 1.0
  ]
  edge [
    source 11
    target 12
    weight 6.0
  ]
  edge [
    source 11
    target 13
    weight 5.0
  ]
  edge [
    source 11
    target 14
    weight 3.0
  ]
  edge [
    source 11
    target 15
    weight 2.0
  ]
  edge [
    source 11
    target 16
    weight 1.0
  ]
  edge [
    source 11
    target 17
    weight 1.0
  ]
  edge [
    source 12
    target 13
    weight 6.0
  ]
  edge [
    source 12
    target 14
    weight 4.0
  ]
  edge [
    source 12
    target 15
    weight 2.0
  ]
  edge [
    source 12
    target 16
    weight 1.0
  ]
  edge [
    source 12
    target 17
    weight 1.0
  ]
  edge [
    source 13
    target 14
    weight 4.0
  ]
  edge [
    source 13
    target 15
    weight 1.0
  ]
  edge [
    source 13
    target 16
    weight 2.0
  ]
  edge [
    source 13
    target 17
    weight 2.0
  ]
  edge [
    source 14
    target 15
    weight 1.0
  ]
  edge [
    source 14
    target 16
    weight 1.0
  ]
  edge [
    source 14
    target 17
    weight 1.0
  ]
  edge [
    source 15
    target 16
    weight 1.0
  ]
  edge [
    source 15
    target 17
    weight 1.0
  ]
  edge [
    source 16
    target 17
    weight 2.0
  ]
]
