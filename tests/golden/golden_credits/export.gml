graph [
  directed 0
  source "tests/data/golden_credits.csv"
  view "people"
  weighting "count"
  community_method "leiden"
  communities 2
  modularity 0.14197530864197544
  node [
    id 0
    label "Ana"
    kind "person"
    credits 3
    roles "producer (2); mixer (1)"
    main_role "producer"
    year_first 2001
    year_last 2001
    year_mean 2001.0
    degree 2.0
    strength 3.0
    betweenness 0.0
    closeness 0.5555555555555556
    harmonic 3.333333333333333
    pagerank 0.1589720635075847
    eigenvector 0.8565283513252683
    coreness 2.0
    constraint 0.8125
    clustering 1.0
    community 2
  ]
  node [
    id 1
    label "Ben"
    kind "person"
    credits 3
    roles "engineer (1); mixer (1)"
    main_role "engineer"
    year_first 2001
    year_last 2005
    year_mean 2003.0
    degree 3.0
    strength 4.0
    betweenness 1.0
    closeness 0.7142857142857143
    harmonic 4.0
    pagerank 0.20867856974201462
    eigenvector 1.0
    coreness 2.0
    constraint 0.6436631944444444
    clustering 0.6666666666666666
    community 2
  ]
  node [
    id 2
    label "Cleo"
    kind "person"
    credits 2
    roles "artist (2)"
    main_role "artist"
    year_first 2003
    year_last 2010
    year_mean 2006.5
    degree 4.0
    strength 4.0
    betweenness 2.5
    closeness 0.8333333333333334
    harmonic 4.5
    pagerank 0.21309962996342813
    eigenvector 0.9184805487774823
    coreness 2.0
    constraint 0.6592881944444444
    clustering 0.5
    community 1
  ]
  node [
    id 3
    label "Dev"
    kind "person"
    credits 3
    roles "artist (2); producer (1)"
    main_role "artist"
    year_first 2005
    year_last 2012
    year_mean 2009.0
    degree 4.0
    strength 4.0
    betweenness 4.5
    closeness 0.8333333333333334
    harmonic 4.5
    pagerank 0.2273446073121011
    eigenvector 0.775799521793616
    coreness 2.0
    constraint 0.44921875
    clustering 0.3333333333333333
    community 1
  ]
  node [
    id 4
    label "Zo&#235;"
    kind "person"
    credits 1
    roles "composer (1)"
    main_role "composer"
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.625
    harmonic 3.5
    pagerank 0.11859440042104998
    eigenvector 0.49724467621941554
    coreness 2.0
    constraint 0.78125
    clustering 1.0
    community 1
  ]
  node [
    id 5
    label "Smith, Jo"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    year_first 2012
    year_last 2012
    year_mean 2012.0
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.5
    harmonic 2.833333333333333
    pagerank 0.07331072905382148
    eigenvector 0.22768501425824683
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  edge [
    source 0
    target 1
    weight 2.0
  ]
  edge [
    source 0
    target 2
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
    source 2
    target 3
    weight 1.0
  ]
  edge [
    source 2
    target 4
    weight 1.0
  ]
  edge [
    source 3
    target 4
    weight 1.0
  ]
  edge [
    source 3
    target 5
    weight 1.0
  ]
]
