/* validate.i — validate.h: code formats and the fødselsnummer guard. */

%include "regint/validate.h"
