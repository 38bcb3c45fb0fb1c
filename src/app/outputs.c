#include <stdio.h>

#include "../core/error.h"
#include "app.h"

int app_write_outputs(const AppOptions *o, const Summary *sum)
{
    (void)sum;
    if (o->pdf_out || o->fhir_out) {
        fprintf(stderr, "ppkiosk: PDF and FHIR output are not part of this build\n");
        return PK_ENODEV;
    }
    return 0;
}
