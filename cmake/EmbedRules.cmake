# Embeds rules/*.toml into the binary so veil needs no files at run time.
# The generated source defines veil::rules::builtin_pack_sources().
function(veil_embed_rules out)
  set(files ${ARGN})
  list(SORT files)
  # A CMake list would be split by the shell; pass the files "|"-separated.
  string(REPLACE ";" "|" joined "${files}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${joined}"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_rules_script.cmake
    DEPENDS ${files} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_rules_script.cmake
    COMMENT "Embedding rule packs"
    VERBATIM)
endfunction()
