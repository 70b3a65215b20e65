# Turns a text asset into a C file defining `const char NAME[]` with its bytes and a final NUL,
# at build time and without any download: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P this.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" len)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "/* Generated from ${NAME_SOURCE} by cmake/embed_asset.cmake; do not edit. */\n"
     "#include \"report_internal.h\"\n\nconst unsigned char ${NAME}[] = {\n${bytes}0x00};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
