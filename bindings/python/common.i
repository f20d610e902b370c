/* common.i — common.h (status, last error, version) and version.h. */

%ignore regint_free;  /* memory the caller owns is freed by the typemaps */
/* The status of the last failure is a value here, not a failure of this call. */
%typemap(out) regint_status regint_last_status { $result = PyLong_FromLong((long)$1); }
%include "regint/version.h"
%include "regint/common.h"
