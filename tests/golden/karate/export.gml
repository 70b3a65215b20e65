graph [
  directed 0
  source "datasets/karate.csv"
  view "graph"
  community_method "leiden"
  communities 4
  modularity 0.44490358126721763
  node [
    id 0
    label "0"
    kind "node"
    degree 16.0
    strength 42.0
    betweenness 231.0714285714286
    closeness 0.5689655172413793
    harmonic 23.166666666666664
    pagerank 0.08850031542802161
    eigenvector 0.8578794359885011
    coreness 4.0
    constraint 0.19062348905638032
    clustering 0.15
    community 2
  ]
  node [
    id 1
    label "1"
    kind "node"
    degree 9.0
    strength 29.0
    betweenness 28.478571428571428
    closeness 0.4852941176470588
    harmonic 19.166666666666664
    pagerank 0.05741231936288621
    eigenvector 0.8287661598564215
    coreness 4.0
    constraint 0.3409019831285561
    clustering 0.3333333333333333
    community 2
  ]
  node [
    id 2
    label "2"
    kind "node"
    degree 10.0
    strength 33.0
    betweenness 75.85079365079365
    closeness 0.559322033898305
    harmonic 21.0
    pagerank 0.06276562384809
    eigenvector 0.9903644825833557
    coreness 4.0
    constraint 0.25565383909645606
    clustering 0.24444444444444446
    community 2
  ]
  node [
    id 3
    label "3"
    kind "node"
    degree 6.0
    strength 18.0
    betweenness 6.288095238095238
    closeness 0.4647887323943662
    harmonic 17.666666666666668
    pagerank 0.037210034817963686
    eigenvector 0.5453690921972
    coreness 4.0
    constraint 0.4122226156115593
    clustering 0.6666666666666667
    community 2
  ]
  node [
    id 4
    label "4"
    kind "node"
    degree 3.0
    strength 8.0
    betweenness 0.3333333333333333
    closeness 0.3793103448275862
    harmonic 14.666666666666668
    pagerank 0.02050080108059833
    eigenvector 0.15291190735611404
    coreness 3.0
    constraint 0.508088569654933
    clustering 0.6666666666666666
    community 4
  ]
  node [
    id 5
    label "5"
    kind "node"
    degree 4.0
    strength 14.0
    betweenness 15.833333333333332
    closeness 0.38372093023255816
    harmonic 15.166666666666668
    pagerank 0.033803873051631406
    eigenvector 0.1851926978553726
    coreness 3.0
    constraint 0.49112922777491624
    clustering 0.5
    community 4
  ]
  node [
    id 6
    label "6"
    kind "node"
    degree 4.0
    strength 13.0
    betweenness 15.833333333333332
    closeness 0.38372093023255816
    harmonic 15.166666666666668
    pagerank 0.0315230189645063
    eigenvector 0.1825014827653528
    coreness 3.0
    constraint 0.5314047216519745
    clustering 0.5
    community 4
  ]
  node [
    id 7
    label "7"
    kind "node"
    degree 4.0
    strength 13.0
    betweenness 0.0
    closeness 0.44
    harmonic 16.416666666666668
    pagerank 0.026463202686026945
    eigenvector 0.49006830759139686
    coreness 4.0
    constraint 0.527081950416345
    clustering 1.0
    community 2
  ]
  node [
    id 8
    label "8"
    kind "node"
    degree 5.0
    strength 17.0
    betweenness 29.52936507936508
    closeness 0.515625
    harmonic 18.5
    pagerank 0.03338248346554682
    eigenvector 0.6782551451724425
    coreness 4.0
    constraint 0.3344147563587521
    clustering 0.5
    community 1
  ]
  node [
    id 9
    label "10"
    kind "node"
    degree 3.0
    strength 8.0
    betweenness 0.3333333333333333
    closeness 0.3793103448275862
    harmonic 14.666666666666668
    pagerank 0.020685684694909185
    eigenvector 0.125881931596284
    coreness 3.0
    constraint 0.5304976482780612
    clustering 0.6666666666666666
    community 4
  ]
  node [
    id 10
    label "11"
    kind "node"
    degree 1.0
    strength 3.0
    betweenness 0.0
    closeness 0.36666666666666664
    harmonic 13.5
    pagerank 0.009784998142583668
    eigenvector 0.11866884090926332
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 2
  ]
  node [
    id 11
    label "12"
    kind "node"
    degree 2.0
    strength 4.0
    betweenness 0.0
    closeness 0.3707865168539326
    harmonic 14.0
    pagerank 0.011474264117327649
    eigenvector 0.11499615602898919
    coreness 2.0
    constraint 0.7302295918367347
    clustering 1.0
    community 2
  ]
  node [
    id 12
    label "13"
    kind "node"
    degree 5.0
    strength 17.0
    betweenness 24.215873015873015
    closeness 0.515625
    harmonic 18.5
    pagerank 0.0334729249654769
    eigenvector 0.6605015009534814
    coreness 4.0
    constraint 0.3827486243156608
    clustering 0.6
    community 2
  ]
  node [
    id 13
    label "17"
    kind "node"
    degree 2.0
    strength 3.0
    betweenness 0.0
    closeness 0.375
    harmonic 14.166666666666668
    pagerank 0.009676695208227594
    eigenvector 0.1173264460890696
    coreness 2.0
    constraint 0.6653314075883578
    clustering 1.0
    community 2
  ]
  node [
    id 14
    label "19"
    kind "node"
    degree 3.0
    strength 5.0
    betweenness 17.146825396825392
    closeness 0.5
    harmonic 17.5
    pagerank 0.013076990052964345
    eigenvector 0.20164970154130954
    coreness 3.0
    constraint 0.4391093639199636
    clustering 0.3333333333333333
    community 2
  ]
  node [
    id 15
    label "21"
    kind "node"
    degree 2.0
    strength 4.0
    betweenness 0.0
    closeness 0.375
    harmonic 14.166666666666666
    pagerank 0.011359470086105293
    eigenvector 0.1555403315719636
    coreness 2.0
    constraint 0.6236083811249431
    clustering 1.0
    community 2
  ]
  node [
    id 16
    label "31"
    kind "node"
    degree 6.0
    strength 21.0
    betweenness 73.00952380952381
    closeness 0.5409836065573771
    harmonic 19.333333333333336
    pagerank 0.041988177761964014
    eigenvector 0.5752766520204621
    coreness 3.0
    constraint 0.27549883512679196
    clustering 0.2
    community 3
  ]
  node [
    id 17
    label "30"
    kind "node"
    degree 4.0
    strength 11.0
    betweenness 7.609523809523808
    closeness 0.4583333333333333
    harmonic 16.916666666666664
    pagerank 0.023032846090756943
    eigenvector 0.4348107736794102
    coreness 4.0
    constraint 0.3944911707240065
    clustering 0.5
    community 1
  ]
  node [
    id 18
    label "9"
    kind "node"
    degree 2.0
    strength 3.0
    betweenness 0.44761904761904764
    closeness 0.4342105263157895
    harmonic 15.583333333333332
    pagerank 0.009463494950839148
    eigenvector 0.13788382227062815
    coreness 2.0
    constraint 0.5555555555555556
    clustering 0.0
    community 1
  ]
  node [
    id 19
    label "27"
    kind "node"
    degree 4.0
    strength 13.0
    betweenness 11.792063492063493
    closeness 0.4583333333333333
    harmonic 16.916666666666664
    pagerank 0.027237726789705412
    eigenvector 0.4056147665001024
    coreness 3.0
    constraint 0.3222101463859706
    clustering 0.16666666666666666
    community 3
  ]
  node [
    id 20
    label "28"
    kind "node"
    degree 3.0
    strength 6.0
    betweenness 0.9476190476190476
    closeness 0.4520547945205479
    harmonic 16.416666666666664
    pagerank 0.014479228223760632
    eigenvector 0.23660019256804085
    coreness 3.0
    constraint 0.39898274124464594
    clustering 0.3333333333333333
    community 3
  ]
  node [
    id 21
    label "32"
    kind "node"
    degree 12.0
    strength 38.0
    betweenness 76.69047619047619
    closeness 0.515625
    harmonic 20.916666666666664
    pagerank 0.0759344195807766
    eigenvector 0.9125631848971169
    coreness 4.0
    constraint 0.2582561404837537
    clustering 0.19696969696969696
    community 1
  ]
  node [
    id 22
    label "16"
    kind "node"
    degree 2.0
    strength 6.0
    betweenness 0.0
    closeness 0.28448275862068967
    harmonic 11.100000000000001
    pagerank 0.016752260138269474
    eigenvector 0.05086244102944981
    coreness 2.0
    constraint 0.9397491245018718
    clustering 1.0
    community 4
  ]
  node [
    id 23
    label "33"
    kind "node"
    degree 17.0
    strength 48.0
    betweenness 160.5515873015873
    closeness 0.55
    harmonic 23.25
    pagerank 0.09698936283439373
    eigenvector 1.0
    coreness 4.0
    constraint 0.1862872856322938
    clustering 0.11029411764705882
    community 1
  ]
  node [
    id 24
    label "14"
    kind "node"
    degree 2.0
    strength 5.0
    betweenness 0.0
    closeness 0.3707865168539326
    harmonic 14.2
    pagerank 0.012942403848310474
    eigenvector 0.2184518804771701
    coreness 2.0
    constraint 0.6411266928285626
    clustering 1.0
    community 1
  ]
  node [
    id 25
    label "15"
    kind "node"
    degree 2.0
    strength 7.0
    betweenness 0.0
    closeness 0.3707865168539326
    harmonic 14.2
    pagerank 0.016377443782028583
    eigenvector 0.3106706204158624
    coreness 2.0
    constraint 0.6323943473973153
    clustering 1.0
    community 1
  ]
  node [
    id 26
    label "18"
    kind "node"
    degree 2.0
    strength 3.0
    betweenness 0.0
    closeness 0.3707865168539326
    harmonic 14.2
    pagerank 0.009545337709170466
    eigenvector 0.13429645345151817
    coreness 2.0
    constraint 0.6670775837009678
    clustering 1.0
    community 1
  ]
  node [
    id 27
    label "20"
    kind "node"
    degree 2.0
    strength 4.0
    betweenness 0.0
    closeness 0.3707865168539326
    harmonic 14.2
    pagerank 0.011224883881451417
    eigenvector 0.17234251050782398
    coreness 2.0
    constraint 0.7238213470731378
    clustering 1.0
    community 1
  ]
  node [
    id 28
    label "22"
    kind "node"
    degree 2.0
    strength 5.0
    betweenness 0.0
    closeness 0.3707865168539326
    harmonic 14.2
    pagerank 0.012961390745599526
    eigenvector 0.2224835369336903
    coreness 2.0
    constraint 0.6398342278393352
    clustering 1.0
    community 1
  ]
  node [
    id 29
    label "23"
    kind "node"
    degree 5.0
    strength 21.0
    betweenness 9.299999999999999
    closeness 0.39285714285714285
    harmonic 16.03333333333333
    pagerank 0.041149758203041904
    eigenvector 0.5988617923828303
    coreness 3.0
    constraint 0.3127739611655626
    clustering 0.4
    community 3
  ]
  node [
    id 30
    label "25"
    kind "node"
    degree 3.0
    strength 14.0
    betweenness 2.0277777777777777
    closeness 0.375
    harmonic 13.916666666666666
    pagerank 0.028676448853554644
    eigenvector 0.3366749157245315
    coreness 3.0
    constraint 0.4563144985885511
    clustering 0.3333333333333333
    community 3
  ]
  node [
    id 31
    label "29"
    kind "node"
    degree 4.0
    strength 13.0
    betweenness 1.542857142857143
    closeness 0.38372093023255816
    harmonic 15.366666666666665
    pagerank 0.028274666469245736
    eigenvector 0.3730683401847032
    coreness 3.0
    constraint 0.4389251973538791
    clustering 0.6666666666666666
    community 1
  ]
  node [
    id 32
    label "24"
    kind "node"
    degree 3.0
    strength 7.0
    betweenness 1.1666666666666665
    closeness 0.375
    harmonic 13.916666666666666
    pagerank 0.016635732755785157
    eigenvector 0.1402069484633078
    coreness 3.0
    constraint 0.5124716553287981
    clustering 0.3333333333333333
    community 3
  ]
  node [
    id 33
    label "26"
    kind "node"
    degree 2.0
    strength 6.0
    betweenness 0.0
    closeness 0.3626373626373626
    harmonic 13.95
    pagerank 0.015241717408480118
    eigenvector 0.16102652442439763
    coreness 2.0
    constraint 0.65316243881949
    clustering 1.0
    community 1
  ]
  edge [
    source 0
    target 1
    weight 4.0
  ]
  edge [
    source 0
    target 2
    weight 5.0
  ]
  edge [
    source 0
    target 3
    weight 3.0
  ]
  edge [
    source 0
    target 4
    weight 3.0
  ]
  edge [
    source 0
    target 5
    weight 3.0
  ]
  edge [
    source 0
    target 6
    weight 3.0
  ]
  edge [
    source 0
    target 7
    weight 2.0
  ]
  edge [
    source 0
    target 8
    weight 2.0
  ]
  edge [
    source 0
    target 9
    weight 2.0
  ]
  edge [
    source 0
    target 10
    weight 3.0
  ]
  edge [
    source 0
    target 11
    weight 1.0
  ]
  edge [
    source 0
    target 12
    weight 3.0
  ]
  edge [
    source 0
    target 13
    weight 2.0
  ]
  edge [
    source 0
    target 14
    weight 2.0
  ]
  edge [
    source 0
    target 15
    weight 2.0
  ]
  edge [
    source 0
    target 16
    weight 2.0
  ]
  edge [
    source 1
    target 2
    weight 6.0
  ]
  edge [
    source 1
    target 3
    weight 3.0
  ]
  edge [
    source 1
    target 7
    weight 4.0
  ]
  edge [
    source 1
    target 12
    weight 5.0
  ]
  edge [
    source 1
    target 13
    weight 1.0
  ]
  edge [
    source 1
    target 14
    weight 2.0
  ]
  edge [
    source 1
    target 15
    weight 2.0
  ]
  edge [
    source 1
    target 17
    weight 2.0
  ]
  edge [
    source 2
    target 3
    weight 3.0
  ]
  edge [
    source 2
    target 7
    weight 4.0
  ]
  edge [
    source 2
    target 8
    weight 5.0
  ]
  edge [
    source 2
    target 18
    weight 1.0
  ]
  edge [
    source 2
    target 12
    weight 3.0
  ]
  edge [
    source 2
    target 19
    weight 2.0
  ]
  edge [
    source 2
    target 20
    weight 2.0
  ]
  edge [
    source 2
    target 21
    weight 2.0
  ]
  edge [
    source 3
    target 7
    weight 3.0
  ]
  edge [
    source 3
    target 11
    weight 3.0
  ]
  edge [
    source 3
    target 12
    weight 3.0
  ]
  edge [
    source 4
    target 6
    weight 2.0
  ]
  edge [
    source 4
    target 9
    weight 3.0
  ]
  edge [
    source 5
    target 6
    weight 5.0
  ]
  edge [
    source 5
    target 9
    weight 3.0
  ]
  edge [
    source 5
    target 22
    weight 3.0
  ]
  edge [
    source 6
    target 22
    weight 3.0
  ]
  edge [
    source 8
    target 17
    weight 3.0
  ]
  edge [
    source 8
    target 21
    weight 3.0
  ]
  edge [
    source 8
    target 23
    weight 4.0
  ]
  edge [
    source 18
    target 23
    weight 2.0
  ]
  edge [
    source 12
    target 23
    weight 3.0
  ]
  edge [
    source 21
    target 24
    weight 3.0
  ]
  edge [
    source 23
    target 24
    weight 2.0
  ]
  edge [
    source 21
    target 25
    weight 3.0
  ]
  edge [
    source 23
    target 25
    weight 4.0
  ]
  edge [
    source 21
    target 26
    weight 1.0
  ]
  edge [
    source 23
    target 26
    weight 2.0
  ]
  edge [
    source 14
    target 23
    weight 1.0
  ]
  edge [
    source 21
    target 27
    weight 3.0
  ]
  edge [
    source 23
    target 27
    weight 1.0
  ]
  edge [
    source 21
    target 28
    weight 2.0
  ]
  edge [
    source 23
    target 28
    weight 3.0
  ]
  edge [
    source 29
    target 30
    weight 5.0
  ]
  edge [
    source 19
    target 29
    weight 4.0
  ]
  edge [
    source 29
    target 31
    weight 3.0
  ]
  edge [
    source 21
    target 29
    weight 5.0
  ]
  edge [
    source 23
    target 29
    weight 4.0
  ]
  edge [
    source 30
    target 32
    weight 2.0
  ]
  edge [
    source 19
    target 32
    weight 3.0
  ]
  edge [
    source 16
    target 32
    weight 2.0
  ]
  edge [
    source 16
    target 30
    weight 7.0
  ]
  edge [
    source 31
    target 33
    weight 4.0
  ]
  edge [
    source 23
    target 33
    weight 2.0
  ]
  edge [
    source 19
    target 23
    weight 4.0
  ]
  edge [
    source 16
    target 20
    weight 2.0
  ]
  edge [
    source 20
    target 23
    weight 2.0
  ]
  edge [
    source 21
    target 31
    weight 4.0
  ]
  edge [
    source 23
    target 31
    weight 2.0
  ]
  edge [
    source 17
    target 21
    weight 3.0
  ]
  edge [
    source 17
    target 23
    weight 3.0
  ]
  edge [
    source 16
    target 21
    weight 4.0
  ]
  edge [
    source 16
    target 23
    weight 4.0
  ]
  edge [
    source 21
    target 23
    weight 5.0
  ]
]
