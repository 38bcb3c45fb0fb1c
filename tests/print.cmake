# Print module tests: unit suites (no printer needed), the PDF content checks with
# poppler's pdftotext, and a real print through a CUPS PDF queue.
ppk_check_test(test_print SOURCES print/test_print.c LIBS ppprint ppk_testutil)
ppk_check_test(test_fhir SOURCES print/test_fhir.c LIBS ppprint ppk_testutil)

add_executable(print_demo print/print_demo.c)
target_link_libraries(print_demo PRIVATE ppprint)
target_compile_definitions(print_demo PRIVATE PPKIOSK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

foreach(lang en es)
  add_test(NAME print_pdf_content_${lang}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/print/pdf_check.sh $<TARGET_FILE:print_demo> ${lang})
endforeach()
# hostile content: 32 areas, or names of 250 characters, each on the page and none
# running into what follows the figure
add_test(NAME print_area_names
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/print/areas_names.py $<TARGET_FILE:ppkiosk>
                 ${CMAKE_SOURCE_DIR}/assets/content ${CMAKE_CURRENT_BINARY_DIR}/area-names)
add_test(NAME print_cups
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/print/cups_check.sh $<TARGET_FILE:print_demo>)
# the machine's scheduler and cups-pdf's output folder: one run at a time
set_tests_properties(print_cups PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180 RESOURCE_LOCK ppk_cups)
add_test(NAME print_cups_hung
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/print/cups_hang.sh $<TARGET_FILE:print_demo>)
set_tests_properties(print_cups_hung PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 200)
set_tests_properties(print_pdf_content_en print_pdf_content_es PROPERTIES TIMEOUT 180)

# Fontconfig keeps a process-lifetime cache that LeakSanitizer reports (the shared
# third-party suppressions).
set(PPK_PRINT_LSAN "suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0")
set_property(TEST test_print test_fhir print_pdf_content_en print_pdf_content_es print_cups
             print_cups_hung print_area_names APPEND PROPERTY ENVIRONMENT "LSAN_OPTIONS=${PPK_PRINT_LSAN}")

# Everyday run: ctest -L fast (seconds each); ctest -L slow: the rest (scripted
# kiosk runs, printing, displays, recognition).
set_property(TEST test_print test_fhir APPEND PROPERTY LABELS fast)
set_property(TEST print_pdf_content_en print_pdf_content_es print_cups print_cups_hung
             print_area_names APPEND PROPERTY LABELS slow)
