# Compiles files of the default data package (and shipped scenarios/plans) into the binary, so
# rareflow runs from any directory with no files. Each file becomes a byte array keyed by its
# path relative to the project root.
function(rareflow_embed_directory)
  cmake_parse_arguments(E "" "OUTPUT" "" ${ARGN})
  set(files)
  foreach(dir ${E_UNPARSED_ARGUMENTS})
    file(GLOB_RECURSE f CONFIGURE_DEPENDS ${dir}/*.csv ${dir}/*.toml)
    list(APPEND files ${f})
  endforeach()
  list(SORT files)
  # A ';' list would be split by the shell: pass the paths joined by '|'.
  string(REPLACE ";" "|" files_arg "${files}")
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUT=${E_OUTPUT} -DROOT=${PROJECT_SOURCE_DIR}
            "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/embed_write.cmake
    COMMENT "Embedding default data package"
    VERBATIM)
endfunction()
