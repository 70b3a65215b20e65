graph [
 node [ id 0 label "Ann" kind "person" ]
 node [ id 1 label "Bo" kind "person" ]
 node [ id 2 label "Song" kind "project" ]
 edge [ source 2 target 0 weight 2 ]
 edge [ source 1 target 2 ]
]
