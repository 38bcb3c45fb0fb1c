# UI tests: the body-diagram geometry, the staff menu and kiosk configuration, and the
# real kiosk driven headless by scripts (SDL offscreen, software renderer) at a
# landscape and a portrait size in both languages, with the layout check on: every
# label fits its box at no less than the minimum text size, every target is at least
# the minimum size, contrast at least 7:1.
if(NOT TARGET ppui)
  return()
endif()

ppk_check_test(test_body SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_body.c LIBS ppui)
ppk_check_test(test_staff SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_staff.c
  LIBS ppk_testutil ppcore)
target_include_directories(test_staff PRIVATE ${CMAKE_SOURCE_DIR}/src)
ppk_check_test(test_guard SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_guard.c
  LIBS ppui ppk_testutil ppcore)
target_include_directories(test_guard PRIVATE ${CMAKE_SOURCE_DIR}/src)
# the body picture's chips and the region tapped leave no copy in the Ui after it
ppk_check_test(test_ui_wipe SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_ui_wipe.c
  LIBS ppui ppk_testutil ppcore)
target_include_directories(test_ui_wipe PRIVATE ${CMAKE_SOURCE_DIR}/src)
set_tests_properties(test_ui_wipe PROPERTIES ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0")
set_tests_properties(test_guard PROPERTIES ENVIRONMENT
  "CK_DEFAULT_TIMEOUT=120;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0")
ppk_check_test(test_config
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/ui/test_config.c ${CMAKE_SOURCE_DIR}/src/app/config.c
  LIBS ppk_testutil ppcore)
target_include_directories(test_config PRIVATE ${CMAKE_SOURCE_DIR}/src)

set(UI_SRC ${CMAKE_CURRENT_SOURCE_DIR}/ui)
set(UI_OUT ${CMAKE_CURRENT_BINARY_DIR}/ui)
file(MAKE_DIRECTORY ${UI_OUT})
set(UI_ENV
  "SDL_VIDEODRIVER=offscreen" "SDL_AUDIODRIVER=dummy" "PPKIOSK_LAYOUT_CHECK=1"
  "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0")
# A layout problem or a sanitizer report fails a test even when its last line matched.
set(UI_FAIL "layout: |structure: |Sanitizer|runtime error|script:[0-9]+:")
# Structure rules (tests/ui/structure_check.py) not yet enforced ("none": all are).
set(UI_STRUCTURE_SKIP "none")

# ppk_ui_test(NAME SCRIPT EXPECT_SCREEN [ARGS...]): one scripted kiosk run, speech
# off, then the structure checks on the NAME.json files written beside its
# screenshots. ppk_ui_test_speech: the same with the kiosk speaking (eSpeak NG).
function(ppk_ui_test name script expect)
  ppk_ui_run(${name} ${script} ${expect} --no-voice ${ARGN})
endfunction()
function(ppk_ui_test_speech name script expect)
  ppk_ui_run(${name} ${script} ${expect} ${ARGN})
endfunction()
function(ppk_ui_run name script expect)
  set(shots ${UI_OUT}/shots-${name})
  add_test(NAME ${name}
           COMMAND sh -c "c=$1 d=$2 a=$3 s=$4; shift 4; rm -rf \"$d\"; \"$0\" \"$@\"; rc=$?; python3 \"$c\" \"$d\" \"$a\" --skip \"$s\" || rc=1; exit $rc"
                   $<TARGET_FILE:ppkiosk> ${UI_SRC}/structure_check.py ${shots}
                   ${CMAKE_SOURCE_DIR}/assets/content ${UI_STRUCTURE_SKIP}
                   --windowed --no-listen ${ARGN}
                   --script ${script} --shots ${shots})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 120
                       PASS_REGULAR_EXPRESSION "screen: ${expect}\n"
                       FAIL_REGULAR_EXPRESSION "${UI_FAIL}")
endfunction()

foreach(LANG en es)
  if(LANG STREQUAL "en")
    set(YES "yes")
  else()
    set(YES "si")
  endif()
  configure_file(${UI_SRC}/full.script.in ${UI_OUT}/full_${LANG}.script @ONLY)
  configure_file(${UI_SRC}/urgent.script.in ${UI_OUT}/urgent_${LANG}.script @ONLY)
  configure_file(${UI_SRC}/flags.script.in ${UI_OUT}/flags_${LANG}.script @ONLY)
  configure_file(${UI_SRC}/areas_list.script.in ${UI_OUT}/areas_list_${LANG}.script @ONLY)
  # a screen too short for the body picture: the list's rows stay above the navigation
  # (at 800x480, a 7-inch panel, in three columns and without the switch: the picture
  # picked by hand would have regions under a target's size there)
  foreach(size 1024x600 800x480)
    ppk_ui_test(ui_areas_list_${LANG}_${size} ${UI_OUT}/areas_list_${LANG}.script question
                --size ${size})
  endforeach()
  # ... and where the picture is shown, Done with nothing chosen moves nothing: the
  # notice goes beside or under the picture (at the foot it hid the ankles at 1280x720)
  foreach(size 1280x720 1024x768)
    ppk_ui_test(ui_areas_notice_${LANG}_${size} ${UI_OUT}/areas_list_${LANG}.script question
                --size ${size})
  endforeach()
  # the same interview with the printer failing: Finish then leaves the goodbye that
  # sends her to the front desk, where staff can still print
  file(READ ${UI_OUT}/full_${LANG}.script FULL_SCRIPT)
  string(REPLACE "tap print\nshot goodbye"
                 "tap print\nshot print_failed\ntap finish\nshot goodbye_held" HELD_SCRIPT
                 "${FULL_SCRIPT}")
  file(WRITE ${UI_OUT}/print_failed_${LANG}.script "${HELD_SCRIPT}")
  # the same interview, then a long read of the results that pages and scrolls
  file(READ ${UI_SRC}/reading.tail READING_TAIL)
  string(REGEX REPLACE "shot results\n.*" "${READING_TAIL}" READING_SCRIPT "${FULL_SCRIPT}")
  file(WRITE ${UI_OUT}/reading_${LANG}.script "${READING_SCRIPT}")
  foreach(size 1920x1080 800x1280)
    ppk_ui_test(ui_full_${LANG}_${size} ${UI_OUT}/full_${LANG}.script goodbye --size ${size})
    ppk_ui_test(ui_urgent_${LANG}_${size} ${UI_OUT}/urgent_${LANG}.script question
                --size ${size})
  endforeach()
  # the other common kiosk panels: the whole interview, with the structure checks
  foreach(size 1366x768 1280x800 1280x720 1024x768)
    ppk_ui_test(ui_full_${LANG}_${size} ${UI_OUT}/full_${LANG}.script goodbye --size ${size})
  endforeach()
  # flags of both tiers and unanswered safety questions: the results' order
  foreach(size 1920x1080 1366x768 1280x800 1024x768 800x1280 800x480)
    ppk_ui_test(ui_flags_${LANG}_${size} ${UI_OUT}/flags_${LANG}.script goodbye --size ${size})
  endforeach()
endforeach()
foreach(size 1920x1080 800x1280)
  ppk_ui_test(ui_keyboard_only_${size} ${UI_SRC}/keys.script goodbye --size ${size})
  ppk_ui_test(ui_staff_menu_${size} ${UI_SRC}/staff.script language --size ${size}
              --config ${UI_SRC}/kiosk-test.conf)
endforeach()
# the urgent screen acknowledged with the staff PIN just after the start
ppk_ui_test(ui_urgent_staff_pin ${UI_SRC}/urgent_pin.script question --size 1280x800
            --config ${UI_SRC}/kiosk-test.conf)
# ... and with a keypad alone: the PIN, then Return
ppk_ui_test(ui_urgent_staff_pin_keys ${UI_SRC}/pin_keys.script question --size 1280x800
            --config ${UI_SRC}/kiosk-test.conf)
# ... and in Spanish, where cancelling the pad or a wrong PIN keeps her on it
ppk_ui_test(ui_urgent_staff_pin_es ${UI_SRC}/urgent_pin_es.script urgent --size 1280x800
            --config ${UI_SRC}/kiosk-test.conf)
# reading the results for longer than their quiet time, paging and scrolling
ppk_ui_test(ui_reading_results_es ${UI_OUT}/reading_es.script goodbye --size 1280x800)
# the body picture picked by hand after the list: checked as it is laid out again
ppk_ui_test(ui_areas_by_hand_es_1280x720 ${UI_SRC}/areas_by_hand.script question
            --size 1280x720)
# ... and on the shortest screen, where its regions are grown to a target's size around
# the joints (they were 44 px)
ppk_ui_test(ui_areas_by_hand_es_1024x600 ${UI_SRC}/areas_by_hand.script question
            --size 1024x600)
# ... where the notice at the foot turned the picture into the list (1280x800), and in
# the portrait tray
foreach(size 1280x800 800x1280)
  ppk_ui_test(ui_areas_notice_es_${size} ${UI_OUT}/areas_list_es.script question --size ${size})
endforeach()
ppk_ui_test(ui_print_failed ${UI_OUT}/print_failed_en.script goodbye --size 1280x800
            --printer ppkiosk-test-no-such-printer)
ppk_ui_test(ui_print_failed_es ${UI_OUT}/print_failed_es.script goodbye --size 800x1280
            --printer ppkiosk-test-no-such-printer)
# the navigation row of every screen laid out alike in English and Spanish
foreach(size 1920x1080 1366x768 1280x800 1024x768 800x1280)
  set_tests_properties(ui_full_en_${size} ui_full_es_${size} PROPERTIES
                       FIXTURES_SETUP ui_shots_${size})
  add_test(NAME ui_same_nav_${size}
           COMMAND python3 ${UI_SRC}/structure_check.py --same-nav ${UI_OUT}/shots-ui_full_en_${size}
                   ${UI_OUT}/shots-ui_full_es_${size})
  set_tests_properties(ui_same_nav_${size} PROPERTIES FIXTURES_REQUIRED ui_shots_${size}
                       FAIL_REGULAR_EXPRESSION "structure: " LABELS slow)
endforeach()

# Each lock-out of the staff PIN pad is one line in the journal, with none of the digits
# tried (2468); the second lock-out still holds at the end
add_test(NAME ui_staff_lockout_log
         COMMAND sh -c "out=$(\"$0\" --windowed --no-voice --no-listen --size 1280x800 --config \"$1\" --script \"$2\" 2>&1); printf '%s\\n' \"$out\"; [ \"$(printf '%s\\n' \"$out\" | grep -c '^ppkiosk: staff menu locked after wrong PINs')\" = 2 ] && ! printf '%s' \"$out\" | grep -q 2468 && printf '%s' \"$out\" | grep -q '^screen: staff_locked$'"
                 $<TARGET_FILE:ppkiosk> ${UI_SRC}/kiosk-test.conf ${UI_SRC}/staff_lockout.script)
set_tests_properties(ui_staff_lockout_log PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 60
                     LABELS slow)

# A tap on a button the screen does not have is a script error: exit 2 and the line.
add_test(NAME ui_script_bad_tap
         COMMAND sh -c "\"$0\" --windowed --no-voice --no-listen --script \"$1\" 2>&1; test $? -eq 2"
                 $<TARGET_FILE:ppkiosk> ${UI_SRC}/bad-tap.script)
set_tests_properties(ui_script_bad_tap PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 60
                     PASS_REGULAR_EXPRESSION "script:3: no button 'nope' on this screen")

# A wait longer than the kiosk's longest timer (an hour) is a script error, at once:
# `wait 99999999999999` once stepped through three thousand years, 100 ms at a time.
add_test(NAME ui_script_long_wait
         COMMAND sh -c "\"$0\" --windowed --no-voice --no-listen --script \"$1\" 2>&1; test $? -eq 2"
                 $<TARGET_FILE:ppkiosk> ${UI_SRC}/long-wait.script)
set_tests_properties(ui_script_long_wait PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 30
                     LABELS fast
                     PASS_REGULAR_EXPRESSION "script:2: wait takes at most 3600000 ms")

# A script saved with a byte-order mark runs (it read: unknown command 'tap'), and a
# reason shows the file's control characters as '?', never as terminal codes.
add_test(NAME ui_script_bom
         COMMAND $<TARGET_FILE:ppkiosk> --windowed --no-voice --no-listen --script
                 ${UI_SRC}/bom.script)
set_tests_properties(ui_script_bom PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 30 LABELS fast
                     FAIL_REGULAR_EXPRESSION "script:")
# A line of 1,023 characters is one line also with a Windows line end (the CR counted).
add_test(NAME ui_script_crlf_long_line
         COMMAND $<TARGET_FILE:ppkiosk> --windowed --no-voice --no-listen --script
                 ${UI_SRC}/crlf-long-line.script)
set_tests_properties(ui_script_crlf_long_line PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 30
                     LABELS fast FAIL_REGULAR_EXPRESSION "script:")
add_test(NAME ui_script_control_chars
         COMMAND sh -c "\"$0\" --windowed --no-voice --no-listen --script \"$1\" 2>&1; test $? -eq 2"
                 $<TARGET_FILE:ppkiosk> ${UI_SRC}/control-chars.script)
set_tests_properties(ui_script_control_chars PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 30
                     LABELS fast PASS_REGULAR_EXPRESSION "script:1: unknown command '\\?\\[2Jfoo'")

# --fhir-out / --pdf-out with --script: written once the results are reached.
add_test(NAME ui_script_outputs
         COMMAND sh -c "rm -f \"$2.json\" \"$2.pdf\" && \"$0\" --windowed --no-voice --no-listen --script \"$1\" --fhir-out \"$2.json\" --pdf-out \"$2.pdf\" && test -s \"$2.json\" && test -s \"$2.pdf\""
                 $<TARGET_FILE:ppkiosk> ${UI_OUT}/full_en.script ${UI_OUT}/outputs)
set_tests_properties(ui_script_outputs PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 120
                     FAIL_REGULAR_EXPRESSION "${UI_FAIL}")

# `audio FILE.wav` goes through the real recogniser: a synthesised "yes" to a red-flag
# question, confirmed by a second one.
if(TARGET ppvoice)
  set(WAV ${UI_OUT}/yes.wav)
  configure_file(${UI_SRC}/audio.script ${UI_OUT}/audio.script @ONLY)
  add_test(NAME ui_script_audio
           COMMAND sh -c "\"$0\" --say yes --out \"$1\" --force && \"$0\" --windowed --script \"$2\""
                   $<TARGET_FILE:ppkiosk> ${WAV} ${UI_OUT}/audio.script)
  set_tests_properties(ui_script_audio PROPERTIES ENVIRONMENT "${UI_ENV}" TIMEOUT 120
                       PASS_REGULAR_EXPRESSION "screen: urgent\n"
                       FAIL_REGULAR_EXPRESSION "${UI_FAIL}")
  # with speech on: Repeat on every question, and the navigation row still fits
  ppk_ui_test_speech(ui_speech_en_1024x768 ${UI_OUT}/full_en.script goodbye --size 1024x768)
  ppk_ui_test_speech(ui_speech_es_800x1280 ${UI_OUT}/full_es.script goodbye --size 800x1280)
endif()

# Soak, short: 200 sessions in one process (scripts/soak runs 10,000); fails on a crash or
# on resident memory growing in the second half; under the sanitizer build on leaks too.
add_test(NAME soak_short COMMAND ${CMAKE_SOURCE_DIR}/scripts/soak 200 ${CMAKE_BINARY_DIR})
set_tests_properties(soak_short PROPERTIES TIMEOUT 600 LABELS soak)

# Everyday run: ctest -L fast (seconds each); ctest -L slow: the rest (scripted
# kiosk runs, printing, displays, recognition).
set_property(TEST test_body test_staff test_guard test_ui_wipe ui_keyboard_only_1920x1080 ui_keyboard_only_800x1280
             ui_script_bad_tap test_config APPEND PROPERTY LABELS fast)
set_property(TEST ui_full_en_1920x1080 ui_urgent_en_1920x1080 ui_full_en_800x1280
             ui_urgent_en_800x1280 ui_full_en_1366x768 ui_full_en_1280x800 ui_full_en_1024x768
             ui_flags_en_1920x1080 ui_flags_en_1366x768 ui_flags_en_1280x800 ui_flags_en_1024x768
             ui_flags_en_800x1280 ui_full_es_1920x1080 ui_urgent_es_1920x1080 ui_full_es_800x1280
             ui_urgent_es_800x1280 ui_full_es_1366x768 ui_full_es_1280x800 ui_full_es_1024x768
             ui_flags_es_1920x1080 ui_flags_es_1366x768 ui_flags_es_1280x800 ui_flags_es_1024x768
             ui_flags_es_800x1280 ui_staff_menu_1920x1080 ui_staff_menu_800x1280 ui_print_failed
             ui_print_failed_es
             ui_script_outputs ui_urgent_staff_pin ui_urgent_staff_pin_es
             ui_urgent_staff_pin_keys ui_full_en_1280x720 ui_full_es_1280x720
             ui_areas_by_hand_es_1280x720 ui_areas_by_hand_es_1024x600 ui_reading_results_es ui_areas_list_en_1024x600
             ui_areas_list_es_1024x600 ui_areas_notice_en_1280x720 ui_areas_notice_es_1280x720
             ui_areas_notice_en_1024x768 ui_areas_notice_es_1024x768 ui_areas_notice_es_1280x800
             ui_areas_notice_es_800x1280 ui_areas_list_en_800x480 ui_areas_list_es_800x480
             ui_flags_en_800x480 ui_flags_es_800x480 soak_short APPEND
             PROPERTY LABELS slow)
if(TEST ui_script_audio)
  set_property(TEST ui_script_audio ui_speech_en_1024x768 ui_speech_es_800x1280 APPEND
               PROPERTY LABELS slow)
endif()
