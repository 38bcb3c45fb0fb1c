# Check suites for the platform-free core, and end-to-end tests of the terminal mode.
add_library(ppk_testutil STATIC ${CMAKE_CURRENT_SOURCE_DIR}/core/testutil.c)
target_link_libraries(ppk_testutil PUBLIC ppcore PkgConfig::CHECK)
target_include_directories(ppk_testutil PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(ppk_testutil PRIVATE
  PPKIOSK_SOURCE_DIR="${CMAKE_SOURCE_DIR}" TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")

foreach(t content json interp session flags flow flow_walks stories)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/core/test_${t}.c)
    ppk_check_test(test_${t} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/core/test_${t}.c
                   LIBS ppk_testutil ppcore)
  endif()
endforeach()
ppk_check_test(test_summary_outline SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/core/test_summary_outline.c
               LIBS ppk_testutil ppcore)

# The process-wide heap wipe, linked into the test program as it is into ppkiosk.
ppk_check_test(test_heap_wipe SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/core/test_heap_wipe.c
               ${CMAKE_SOURCE_DIR}/src/app/heap_wipe.c LIBS ppcore)
target_include_directories(test_heap_wipe PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})

# End to end: the real binary in the terminal mode, and the command-line contract.
set(E2E ${CMAKE_CURRENT_SOURCE_DIR}/e2e)
foreach(lang en es)
  add_test(NAME text_interview_${lang}
           COMMAND ${E2E}/text_interview.sh $<TARGET_FILE:ppkiosk> ${lang}
                   ${E2E}/answers_${lang}.txt ${E2E}/expected_${lang}.txt)
endforeach()
add_test(NAME cli_contract
         COMMAND ${E2E}/cli.sh $<TARGET_FILE:ppkiosk> ${CMAKE_CURRENT_SOURCE_DIR}/data/content-min
                 ${CMAKE_CURRENT_BINARY_DIR}/cli-scratch)
# --answers --pdf-out draws with pango: fontconfig keeps its caches until exit.
set_tests_properties(cli_contract PROPERTIES ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0")
add_test(NAME content_own_words
         COMMAND python3 ${E2E}/own_words.py ${CMAKE_SOURCE_DIR}/assets/content
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/seed_runs.txt)
add_test(NAME content_reading_grade
         COMMAND python3 ${E2E}/reading_grade.py ${CMAKE_SOURCE_DIR}/assets/content)
add_test(NAME ui_keys_used COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/core/ui_keys_used.sh ${CMAKE_SOURCE_DIR})
add_test(NAME install_layout
         COMMAND ${E2E}/install.sh ${CMAKE_BINARY_DIR} ${CMAKE_CURRENT_BINARY_DIR}/install-root)
# cmake --install writes the build tree's install_manifest.txt, as the package test does
set_tests_properties(install_layout PROPERTIES RESOURCE_LOCK ppk_package)

# Everyday run: ctest -L fast (seconds each); ctest -L slow: the rest (scripted
# kiosk runs, printing, displays, recognition).
set_property(TEST test_content test_json test_interp test_session test_flags test_flow test_stories
             text_interview_en text_interview_es content_own_words content_reading_grade
             install_layout test_flow_walks test_summary_outline test_heap_wipe ui_keys_used APPEND PROPERTY
             LABELS fast)
set_property(TEST cli_contract APPEND PROPERTY LABELS slow)
