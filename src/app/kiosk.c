#include <stdio.h>

#include "app.h"

int app_run_kiosk(const AppOptions *o, const Content *c)
{
    (void)o;
    (void)c;
    fprintf(stderr, "ppkiosk: the touch screen is not part of this build; use --text\n");
    return 1;
}
