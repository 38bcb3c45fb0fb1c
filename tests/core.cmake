# Check suites for the platform-free core, and end-to-end tests of the terminal mode.
add_library(ppk_testutil STATIC ${CMAKE_CURRENT_SOURCE_DIR}/core/testutil.c)
target_link_libraries(ppk_testutil PUBLIC ppcore PkgConfig::CHECK)
target_compile_definitions(ppk_testutil PRIVATE
  PPKIOSK_SOURCE_DIR="${CMAKE_SOURCE_DIR}" TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")

foreach(t content json interp session flags flow)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/core/test_${t}.c)
    ppk_check_test(test_${t} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/core/test_${t}.c
                   LIBS ppk_testutil ppcore)
  endif()
endforeach()
