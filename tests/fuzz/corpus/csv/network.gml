Creator "an older tool, ISO-8859-1 text"
graph [
  node [ id 10 label "Björk" ]
  node [ id 20 label "Sigur R&#243;s" ]
  node [ id 30 label "M&#x00FA;m" ]
  edge [ source 10 target 20 ]
  edge [ source 20 target 30 value 3 ]
]
