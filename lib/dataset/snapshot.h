/* Private: the binary snapshot of a dataset JSON file (snapshot.c).
 *
 * A snapshot is a cache, never an interchange format: JSON stays the format. It is written at
 * build time next to the bundled regint-default.json (regint-default.snap) from the dataset
 * that loading that JSON gives, and it records the length, modification time and a 64-bit
 * hash of the JSON's bytes, this library's version and the snapshot format version. Loading
 * it checks them against the JSON file on disk (the bytes are hashed unless length and time
 * are those recorded and a second older than the snapshot: snapshot.c, json_unchanged), so a
 * snapshot that is stale (the JSON was edited or replaced), from another regint build,
 * truncated or corrupt is not used: the caller then loads the JSON. Loading skips the JSON
 * parse and the per-record checks (the records were checked when the JSON was loaded to
 * write the snapshot), puts strings, tables and indexes into one block of huge pages
 * (regint_dataset.arena) and rebuilds the indexes in one pass. It may also hold state a higher
 * layer derived from the tables (the fitted engine's fit): a memo that the load reads and a
 * tail that it does not (regint__dataset_memo, regint__dataset_memo_tail). */
#ifndef REGINT_DATASET_SNAPSHOT_H
#define REGINT_DATASET_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "regint/dataset.h"

/* The snapshot path of a JSON path: "x.json" -> "x.snap", otherwise "<path>.snap". Returns 0
 * when it does not fit into buf. */
int regint__snapshot_path(const char *json_path, char *buf, size_t size);

/* Write the snapshot of `ds`, which must be what loading `json_path` gives, to `snap_path`
 * (atomically), with `memo_len` bytes of state a higher layer derived from its tables (memo:
 * NULL and 0 for none), which a load of the snapshot hands back through
 * regint__dataset_memo() until a table changes, and `tail_len` bytes more of it (tail: NULL
 * and 0 for none) that a load does not read: regint__dataset_memo_tail() reads them when
 * asked. Errors are set with regint__error. */
regint_status regint__snapshot_write(const regint_dataset *ds, const char *json_path, const char *snap_path,
                                     const void *memo, size_t memo_len, const void *tail, size_t tail_len);

/* Load `snap_path` if it is a snapshot of the current contents of `json_path` written by this
 * regint build. Any failure returns a non-zero status WITHOUT setting the last error (the
 * caller falls back to the JSON); ENOMEM is returned as such. */
regint_status regint__snapshot_load(const char *snap_path, const char *json_path, regint_dataset **out);

/* The 64-bit content hash used to tie a snapshot to its JSON (4 lanes over 8-byte words). */
uint64_t regint__snapshot_hash(const void *data, size_t len);

#endif
