/* Private: identifier checks of record members, with the file and JSON path in the message. */
#ifndef REGINT_VALIDATE_PRIVATE_H
#define REGINT_VALIDATE_PRIVATE_H

#include "regint/common.h"

/* 1 if s is a non-empty string. */
int regint__nonempty(const char *s);
/* regint_validate_identifier() on the member `field` of the record at `path` of `file`. */
regint_status regint__check_id_at(const char *file, const char *path, const char *field, const char *id);

#endif
