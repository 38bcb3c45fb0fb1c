# Voice tests: unit suites for the adapters, recognition of real and synthesised speech,
# rejection, and an interview driven by voice alone. Test audio is made at test time
# into the build directory by scripts/make-test-audio (espeak-ng + sox).
if(NOT TARGET ppvoice)
  return()
endif()

add_executable(voice_tool ${CMAKE_CURRENT_SOURCE_DIR}/voice/voice_tool.c)
target_link_libraries(voice_tool PRIVATE ppvoice)

set(VOICE_LSAN "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan.supp:print_suppressions=0")
foreach(t audio recog)
  ppk_check_test(test_voice_${t} SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/voice/test_voice_${t}.c
                 LIBS ppvoice m)
  set_tests_properties(test_voice_${t} PROPERTIES TIMEOUT 300
                       ENVIRONMENT "CK_DEFAULT_TIMEOUT=120;SDL_AUDIODRIVER=dummy;${VOICE_LSAN}")
endforeach()

# Test audio, made once per test run into the build directory (never committed).
set(VOICE_AUDIO ${CMAKE_CURRENT_BINARY_DIR}/voice-audio)
set(VOICE_CONTENT ${CMAKE_SOURCE_DIR}/assets/content)
add_test(NAME voice_make_audio
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/make-test-audio --tool $<TARGET_FILE:voice_tool>
                 --content ${VOICE_CONTENT} --models ${CMAKE_SOURCE_DIR}/models
                 --out ${VOICE_AUDIO})
set_tests_properties(voice_make_audio PROPERTIES FIXTURES_SETUP voice_audio TIMEOUT 300
                     ENVIRONMENT "${VOICE_LSAN}")

# Recognition and rejection bounds, a little under what models/voice.conf records.
foreach(row "clean;0.60" "noisy;0.55" "reject;0.05" "human;0.10")
  list(GET row 0 set)
  list(GET row 1 bound)
  add_test(NAME voice_recognize_${set}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/voice/recognition.sh $<TARGET_FILE:ppkiosk>
                   ${VOICE_CONTENT} ${VOICE_AUDIO}/manifest.tsv ${set} ${bound})
  set_tests_properties(voice_recognize_${set} PROPERTIES FIXTURES_REQUIRED voice_audio
                       TIMEOUT 300 ENVIRONMENT "${VOICE_LSAN}")
endforeach()

# The command-line contract of --say and --recognize.
add_test(NAME voice_cli
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/voice/cli.sh $<TARGET_FILE:ppkiosk> ${VOICE_CONTENT}
                 ${CMAKE_CURRENT_BINARY_DIR}/voice-cli)
set_tests_properties(voice_cli PROPERTIES TIMEOUT 120 ENVIRONMENT "${VOICE_LSAN}")

# A whole interview by voice alone through the SDL kiosk's --script `audio` lines.
add_test(NAME voice_interview
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/voice/interview.sh $<TARGET_FILE:ppkiosk>
                 $<TARGET_FILE:voice_tool> ${VOICE_CONTENT} ${CMAKE_SOURCE_DIR}/models
                 ${CMAKE_CURRENT_BINARY_DIR}/voice-interview)
set_tests_properties(voice_interview PROPERTIES TIMEOUT 600 ENVIRONMENT "${VOICE_LSAN}"
                     FAIL_REGULAR_EXPRESSION "Sanitizer|runtime error")
