graph [
  directed 0
  source "datasets/thom_russo.csv"
  view "people"
  weighting "count"
  community_method "leiden"
  communities 5
  modularity 0.1618303571428572
  node [
    id 0
    label "Eric Clapton"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.022963593679319074
    eigenvector 0.089964528674467
    coreness 2.0
    constraint 0.8234877126654065
    clustering 1.0
    community 3
  ]
  node [
    id 1
    label "Babyface"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.022963593679319074
    eigenvector 0.08996452867446711
    coreness 2.0
    constraint 0.8234877126654065
    clustering 1.0
    community 3
  ]
  node [
    id 2
    label "Thom Russo"
    kind "person"
    credits 70
    roles "engineer (23); mixer (22); producer (4); co-producer (4); recording engineer (3); assistant engineer (2); additional music composer (2); composer (2); staff engineer (1); music soundtrack producer (1)"
    main_role "engineer"
    year_first 1991
    year_last 2016
    year_mean 2001.3783783783783
    degree 23.0
    strength 46.0
    betweenness 238.5
    closeness 1.0
    harmonic 23.0
    pagerank 0.37633770919763443
    eigenvector 1.0
    coreness 3.0
    constraint 0.09415438881304117
    clustering 0.039525691699604744
    community 1
  ]
  node [
    id 3
    label "Johnny Cash"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.02016714159518962
    eigenvector 0.11565929766269721
    coreness 2.0
    constraint 0.8169735583094121
    clustering 1.0
    community 2
  ]
  node [
    id 4
    label "Rick Rubin"
    kind "person"
    credits 4
    roles "producer (4)"
    main_role "producer"
    year_first 2002
    year_last 2002
    year_mean 2002.0
    degree 6.0
    strength 9.0
    betweenness 4.5
    closeness 0.575
    harmonic 14.5
    pagerank 0.07372667890144755
    eigenvector 0.4012692971460005
    coreness 3.0
    constraint 0.6357871699326576
    clustering 0.4
    community 2
  ]
  node [
    id 5
    label "Jay-Z"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.02016714159518962
    eigenvector 0.11565929766269721
    coreness 2.0
    constraint 0.8169735583094121
    clustering 1.0
    community 2
  ]
  node [
    id 6
    label "Juanes"
    kind "person"
    credits 3
    roles "artist (3)"
    main_role "artist"
    year_first 2004
    year_last 2007
    year_mean 2005.5
    degree 1.0
    strength 3.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.02711219909682539
    eigenvector 0.24761685258842822
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 7
    label "Michael Jackson"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    year_first 1991
    year_last 1991
    year_mean 1991.0
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.022963593679319067
    eigenvector 0.08996452867446715
    coreness 2.0
    constraint 0.8234877126654065
    clustering 1.0
    community 4
  ]
  node [
    id 8
    label "Bruce Swedien"
    kind "person"
    credits 1
    roles "engineer (1)"
    main_role "engineer"
    year_first 1991
    year_last 1991
    year_mean 1991.0
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.022963593679319078
    eigenvector 0.089964528674467
    coreness 2.0
    constraint 0.8234877126654065
    clustering 1.0
    community 4
  ]
  node [
    id 9
    label "Bobby Brown"
    kind "person"
    credits 2
    roles "artist (2)"
    main_role "artist"
    year_first 1992
    year_last 1992
    year_mean 1992.0
    degree 1.0
    strength 2.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.020158132731216923
    eigenvector 0.1650779017256189
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 10
    label "Cher"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    year_first 1992
    year_last 1992
    year_mean 1992.0
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.013204066365608473
    eigenvector 0.08253895086280945
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 11
    label "Paula Abdul"
    kind "person"
    credits 3
    roles "artist (3)"
    main_role "artist"
    year_first 1995
    year_last 1995
    year_mean 1995.0
    degree 1.0
    strength 3.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.027112199096825385
    eigenvector 0.24761685258842822
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 12
    label "Macy Gray"
    kind "person"
    credits 7
    roles "artist (6); soundtrack artist (1)"
    main_role "artist"
    year_first 1999
    year_last 2004
    year_mean 2002.0
    degree 2.0
    strength 8.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.0625221115667274
    eigenvector 0.5954546539233722
    coreness 2.0
    constraint 0.9449859535811805
    clustering 1.0
    community 1
  ]
  node [
    id 13
    label "Audioslave"
    kind "person"
    credits 3
    roles "artist (3)"
    main_role "artist"
    year_first 2002
    year_last 2002
    year_mean 2002.0
    degree 3.0
    strength 5.0
    betweenness 0.0
    closeness 0.5348837209302325
    harmonic 13.0
    pagerank 0.041802799276879986
    eigenvector 0.2922747704935171
    coreness 3.0
    constraint 0.7278734626245652
    clustering 1.0
    community 2
  ]
  node [
    id 14
    label "Chris Cornell"
    kind "person"
    credits 1
    roles "vocalist (1)"
    main_role "vocalist"
    year_first 2002
    year_last 2002
    year_mean 2002.0
    degree 3.0
    strength 3.0
    betweenness 0.0
    closeness 0.5348837209302325
    harmonic 13.0
    pagerank 0.027273617472259214
    eigenvector 0.13978335058290056
    coreness 3.0
    constraint 0.8021954356512921
    clustering 1.0
    community 2
  ]
  node [
    id 15
    label "System of a Down"
    kind "person"
    credits 2
    roles "artist (2)"
    main_role "artist"
    year_first 2002
    year_last 2002
    year_mean 2002.0
    degree 2.0
    strength 3.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.027121207960798085
    eigenvector 0.19819824852550677
    coreness 2.0
    constraint 0.8170422750693
    clustering 1.0
    community 2
  ]
  node [
    id 16
    label "Diana Ross"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    year_first 1995
    year_last 1995
    year_mean 1995.0
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.013204066365608468
    eigenvector 0.08253895086280945
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 17
    label "Prince"
    kind "person"
    credits 3
    roles "artist (3)"
    main_role "artist"
    year_first 1991
    year_last 1991
    year_mean 1991.0
    degree 1.0
    strength 3.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.027112199096825385
    eigenvector 0.24761685258842822
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 18
    label "Man&#225;"
    kind "person"
    credits 2
    roles "artist (2)"
    main_role "artist"
    year_first 2006
    year_last 2011
    year_mean 2008.5
    degree 1.0
    strength 2.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.02015813273121693
    eigenvector 0.1650779017256189
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 19
    label "Alejandro Sanz"
    kind "person"
    credits 1
    roles "artist (1)"
    main_role "artist"
    year_first 2006
    year_last 2006
    year_mean 2006.0
    degree 1.0
    strength 1.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.013204066365608468
    eigenvector 0.08253895086280945
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  node [
    id 20
    label "Tom Shadyac"
    kind "person"
    credits 1
    roles "director (1)"
    main_role "director"
    year_first 1998
    year_last 1998
    year_mean 1998.0
    degree 2.0
    strength 2.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.021505111101225875
    eigenvector 0.0968239380340465
    coreness 2.0
    constraint 0.9666561646712875
    clustering 1.0
    community 5
  ]
  node [
    id 21
    label "Rod Stewart"
    kind "person"
    credits 2
    roles "artist (1); soundtrack artist (1)"
    main_role "artist"
    year_first 1998
    year_last 1998
    year_mean 1998.0
    degree 2.0
    strength 3.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.02929780494923792
    eigenvector 0.17306964798935487
    coreness 2.0
    constraint 0.8154274312119301
    clustering 1.0
    community 5
  ]
  node [
    id 22
    label "Sum 41"
    kind "person"
    credits 2
    roles "artist (1); soundtrack artist (1)"
    main_role "artist"
    year_first 2004
    year_last 2004
    year_mean 2004.0
    degree 2.0
    strength 3.0
    betweenness 0.0
    closeness 0.5227272727272727
    harmonic 12.5
    pagerank 0.026801107085181713
    eigenvector 0.2142261041468313
    coreness 2.0
    constraint 1.1074386946019743
    clustering 1.0
    community 1
  ]
  node [
    id 23
    label "Kinky"
    kind "person"
    credits 2
    roles "artist (1); soundtrack artist (1)"
    main_role "artist"
    year_first 2004
    year_last 2004
    year_mean 2004.0
    degree 1.0
    strength 2.0
    betweenness 0.0
    closeness 0.5111111111111111
    harmonic 12.0
    pagerank 0.02015813273121693
    eigenvector 0.1650779017256189
    coreness 1.0
    constraint 1.0
    clustering 0.0
    community 1
  ]
  edge [
    source 0
    target 1
    weight 1.0
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
    source 2
    target 3
    weight 1.0
  ]
  edge [
    source 2
    target 4
    weight 4.0
  ]
  edge [
    source 2
    target 5
    weight 1.0
  ]
  edge [
    source 2
    target 6
    weight 3.0
  ]
  edge [
    source 2
    target 7
    weight 1.0
  ]
  edge [
    source 2
    target 8
    weight 1.0
  ]
  edge [
    source 2
    target 9
    weight 2.0
  ]
  edge [
    source 2
    target 10
    weight 1.0
  ]
  edge [
    source 2
    target 11
    weight 3.0
  ]
  edge [
    source 2
    target 12
    weight 7.0
  ]
  edge [
    source 2
    target 13
    weight 3.0
  ]
  edge [
    source 2
    target 14
    weight 1.0
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
    weight 3.0
  ]
  edge [
    source 2
    target 18
    weight 2.0
  ]
  edge [
    source 2
    target 19
    weight 1.0
  ]
  edge [
    source 2
    target 20
    weight 1.0
  ]
  edge [
    source 2
    target 21
    weight 2.0
  ]
  edge [
    source 2
    target 22
    weight 2.0
  ]
  edge [
    source 2
    target 23
    weight 2.0
  ]
  edge [
    source 3
    target 4
    weight 1.0
  ]
  edge [
    source 4
    target 5
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
    source 4
    target 15
    weight 1.0
  ]
  edge [
    source 7
    target 8
    weight 1.0
  ]
  edge [
    source 12
    target 22
    weight 1.0
  ]
  edge [
    source 13
    target 14
    weight 1.0
  ]
  edge [
    source 20
    target 21
    weight 1.0
  ]
]
