# Memory privacy: after a session, none of its words are left in the process (read
# with gdb's gcore; skipped where the system does not let gdb read the process).
find_program(GDB gdb)
find_package(Python3 COMPONENTS Interpreter)
if(NOT GDB OR NOT Python3_FOUND)
  return()
endif()
set(PRIV ${CMAKE_CURRENT_SOURCE_DIR}/privacy)
set(PRIV_OUT ${CMAKE_CURRENT_BINARY_DIR}/privacy)
add_test(NAME memory_privacy_text
         COMMAND Python3::Interpreter ${PRIV}/memory_scan.py text $<TARGET_FILE:ppkiosk>
                 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/answers_en.txt ${PRIV_OUT}/text)
set_tests_properties(memory_privacy_text PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                     LABELS privacy)
# the same with every export: the PDF is laid out by pango, which copies the summary's
# sentences into blocks of its own (src/app/heap_wipe.c wipes them when freed); the
# files' own text is looked for too (the summary JSON's scores, the FHIR file's time and
# urn:uuids): without the heap wipe, the JSON stayed in a freed stdio buffer unseen
add_test(NAME memory_privacy_exports
         COMMAND Python3::Interpreter ${PRIV}/memory_scan.py text $<TARGET_FILE:ppkiosk>
                 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/answers_en.txt ${PRIV_OUT}/exports
                 --pdf-out out.pdf --fhir-out out.json --summary-json summary.json)
set_tests_properties(memory_privacy_exports PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                     LABELS privacy)
# --answers FILE prints the summary through stdout's buffer, which libc never frees
add_test(NAME memory_privacy_answers
         COMMAND Python3::Interpreter ${PRIV}/memory_scan.py answers $<TARGET_FILE:ppkiosk>
                 ${PRIV}/answers.txt ${PRIV_OUT}/answers --summary-json summary.json
                 --fhir-out out.json)
set_tests_properties(memory_privacy_answers PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                     LABELS privacy)
if(TARGET ppvoice AND TARGET ppui)
  # the spoken "yes" is made by `ppkiosk --say` at test time
  set(WAV ${PRIV_OUT}/yes.wav)
  configure_file(${PRIV}/session.script.in ${PRIV_OUT}/session.script @ONLY)
  add_test(NAME memory_privacy_ui
           COMMAND sh -c "\"$0\" --say yes --out \"$1\" --force && exec \"$2\" \"$3\" ui \"$0\" \"$4\" \"$5\" \"$6\" \"$7\" \"$8\" \"$9\""
                   $<TARGET_FILE:ppkiosk> ${WAV} ${Python3_EXECUTABLE} ${PRIV}/memory_scan.py
                   ${PRIV_OUT}/session.script ${PRIV_OUT}/ui
                   heard:yeah heard:yes
                   "Pain right now (0 to 10): 7 / 10" "Average pain: 5 / 10")
  set_tests_properties(memory_privacy_ui PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS privacy
                       ENVIRONMENT "SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy")
  # the same session, then the next patient begins: stopped on her first question, none
  # of the first one's words may be left (the script's own lines stand for them too), nor
  # the phones the recogniser heard ("SIL Y EH S SIL", its last hypothesis)
  add_test(NAME memory_privacy_ui_next
           COMMAND sh -c "\"$0\" --say yes --out \"$1\" --force && exec \"$2\" \"$3\" ui-next \"$0\" \"$4\" \"$5\" \"$6\" \"$7\" \"$8\" \"$9\""
                   $<TARGET_FILE:ppkiosk> ${WAV} ${Python3_EXECUTABLE} ${PRIV}/memory_scan.py
                   ${PRIV_OUT}/session.script ${PRIV_OUT}/ui-next
                   heard:yeah heard:yes "Pain right now (0 to 10): 7 / 10"
                   "re:SIL( [A-Z]{1,2}){2,}")
  set_tests_properties(memory_privacy_ui_next PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS privacy
                       ENVIRONMENT "SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy")
  # "start over" by voice: the first question again, with no attract screen between;
  # what was heard before it is gone (the recogniser's last phones among it)
  configure_file(${PRIV}/start_over.script.in ${PRIV_OUT}/start_over.script @ONLY)
  add_test(NAME memory_privacy_ui_start_over
           COMMAND sh -c "\"$0\" --say yes --out \"$1\" --force && exec \"$2\" \"$3\" ui-shot \"$0\" \"$4\" \"$5\" \"$6\" \"$7\""
                   $<TARGET_FILE:ppkiosk> ${WAV} ${Python3_EXECUTABLE} ${PRIV}/memory_scan.py
                   ${PRIV_OUT}/start_over.script ${PRIV_OUT}/ui-start-over heard:yeah
                   "re:SIL( [A-Z]{1,2}){2,}")
  set_tests_properties(memory_privacy_ui_start_over PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS privacy
                       ENVIRONMENT "SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy")
  # the same session with the speech on: what the kiosk read aloud (the results screen's
  # red flags, joined to the print step by ". ") is no longer kept either
  add_test(NAME memory_privacy_ui_speech
           COMMAND sh -c "\"$0\" --say yes --out \"$1\" --force && exec \"$2\" \"$3\" ui-voice \"$0\" \"$4\" \"$5\" \"$6\" \"$7\""
                   $<TARGET_FILE:ppkiosk> ${WAV} ${Python3_EXECUTABLE} ${PRIV}/memory_scan.py
                   ${PRIV_OUT}/session.script ${PRIV_OUT}/ui-speech
                   "Pain right now (0 to 10): 7 / 10" ".. Print this summary and give it")
  set_tests_properties(memory_privacy_ui_speech PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS privacy
                       ENVIRONMENT "SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy")
endif()

if(TARGET ppui)
  # areas picked by touch on the body picture: the chips' names and ids say where she
  # hurts, and were left after the session in the layout's boxes and its text pool
  add_test(NAME memory_privacy_ui_areas
           COMMAND Python3::Interpreter ${PRIV}/memory_scan.py ui $<TARGET_FILE:ppkiosk>
                   ${PRIV}/areas_es.script ${PRIV_OUT}/ui-areas
                   # a chip's name, two no-break spaces and the cross, as bytes
                   [[re:Espalda baja\xc2\xa0\xc2\xa0\xe2\x9c\x95]]
                   [[re:Rodilla izquierda\xc2\xa0\xc2\xa0\xe2\x9c\x95]]
                   ui_chip_lower_back ui_chip_knee_left
                   "El dolor afectó las actividades diarias: 4 / 10")
  set_tests_properties(memory_privacy_ui_areas PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS "privacy;slow"
                       ENVIRONMENT "SDL_VIDEODRIVER=offscreen;SDL_AUDIODRIVER=dummy")
endif()

# Everyday run: ctest -L fast (seconds each); ctest -L slow: the rest (scripted
# kiosk runs, printing, displays, recognition).
set_property(TEST memory_privacy_text memory_privacy_exports memory_privacy_answers APPEND
             PROPERTY LABELS slow)
if(TEST memory_privacy_ui)
  set_property(TEST memory_privacy_ui memory_privacy_ui_speech memory_privacy_ui_next
               memory_privacy_ui_start_over APPEND PROPERTY LABELS slow)
endif()
