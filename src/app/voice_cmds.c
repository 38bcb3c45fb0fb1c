#include <stdio.h>

#include "app.h"

int app_say(const AppOptions *o, const Content *c)
{
    (void)o;
    (void)c;
    fprintf(stderr, "ppkiosk: speech is not part of this build\n");
    return 1;
}

int app_recognize(const AppOptions *o, const Content *c)
{
    (void)o;
    (void)c;
    fprintf(stderr, "ppkiosk: speech recognition is not part of this build\n");
    return 1;
}
