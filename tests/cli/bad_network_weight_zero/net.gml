graph [
  node [ id 0 label "Ann" ]
  node [ id 1 label "Bo" ]
  node [ id 2 label "Cy" ]
  edge [ source 0 target 1 weight 2 ]
  edge [ source 1 target 2 weight 0 ]
]
