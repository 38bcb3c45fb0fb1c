# Deployment tests on the real display paths and the package. Each starts what it needs
# (Xvfb, matchbox, cage headless) and skips with a message when a tool is missing
# (exit 77). Labels: "display" (needs no display of its own, only the tools) and
# "package".
set(DEPLOY ${CMAKE_CURRENT_SOURCE_DIR}/deploy)
set(DEPLOY_OUT ${CMAKE_CURRENT_BINARY_DIR}/deploy)

# ppk_deploy_test(NAME LABEL COMMAND...): one at a time (the display tests time a
# window and its inputs; the package tests install from the build tree, as
# install_layout does); other tests may run beside them
function(ppk_deploy_test name label)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS ${label} TIMEOUT 120 SKIP_RETURN_CODE 77
                       RESOURCE_LOCK ppk_${label})
endfunction()

ppk_deploy_test(display_x11_bare display ${DEPLOY}/x11_bare.sh $<TARGET_FILE:ppkiosk>
                ${DEPLOY_OUT}/x11_bare)
ppk_deploy_test(display_x11_wm display ${DEPLOY}/x11_bare.sh $<TARGET_FILE:ppkiosk>
                ${DEPLOY_OUT}/x11_wm wm)
ppk_deploy_test(display_x11_guard display ${DEPLOY}/x11_guard.sh $<TARGET_FILE:ppkiosk>
                ${DEPLOY_OUT}/x11_guard)
ppk_deploy_test(display_x11_print_hung display ${DEPLOY}/x11_print_hung.sh $<TARGET_FILE:ppkiosk>
                ${DEPLOY_OUT}/x11_print_hung ${CMAKE_SOURCE_DIR}/tests/data/content-min)
ppk_deploy_test(display_cage_wayland display ${DEPLOY}/cage.sh $<TARGET_FILE:ppkiosk>
                ${DEPLOY_OUT}/cage_wayland wayland)
ppk_deploy_test(display_cage_xwayland display ${DEPLOY}/cage.sh $<TARGET_FILE:ppkiosk>
                ${DEPLOY_OUT}/cage_xwayland x11)

ppk_deploy_test(package_unit_verify package ${DEPLOY}/unit.sh
                ${CMAKE_SOURCE_DIR}/assets/systemd/ppkiosk.service)
ppk_deploy_test(package_deb package ${DEPLOY}/package.sh ${CMAKE_BINARY_DIR}
                ${DEPLOY_OUT}/package ${CMAKE_SOURCE_DIR})

# Everyday run: ctest -L fast (seconds each); ctest -L slow: the rest (scripted
# kiosk runs, printing, displays, recognition).
set_property(TEST package_unit_verify APPEND PROPERTY LABELS fast)
set_property(TEST display_x11_bare display_x11_wm display_x11_guard display_x11_print_hung
             display_cage_wayland display_cage_xwayland
             package_deb APPEND PROPERTY LABELS slow)
