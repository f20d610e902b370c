/* Fuzz target: CSV import of every layout into a small dataset (in memory, through the
 * private regint__dataset_import_csv_mem, which shares everything with the file path but
 * the read). The first byte selects the layout(s), the rest is the CSV text (see below).
 * Invariants: no crash, leak or UB; a failed import leaves the dataset byte-for-byte as it
 * was and names the file; a successful one gives a dataset that saves and loads again. */
#include <string.h>

#include "dataset/dataset_internal.h"
#include "regint/dataset.h"
#include "fuzz_util.h"

/* Counties and municipalities around the 2024 reform: a renumbering (3001 -> 3101) and a
 * split (1507 Ålesund -> 1508 Ålesund + 1580 Haram), an indicator, a population figure. */
static const char base_json[] =
    "{\"schema\": \"regint.dataset\", \"schema_version\": 1,\n"
    "\"counties\": [\n"
    " {\"fylkesnr\": \"03\", \"name\": \"Oslo\", \"valid_from\": 2020, \"valid_to\": null},\n"
    " {\"fylkesnr\": \"15\", \"name\": \"Møre og Romsdal\", \"valid_from\": 2020, \"valid_to\": null},\n"
    " {\"fylkesnr\": \"30\", \"name\": \"Viken\", \"valid_from\": 2020, \"valid_to\": 2023},\n"
    " {\"fylkesnr\": \"31\", \"name\": \"Østfold\", \"valid_from\": 2024, \"valid_to\": null}],\n"
    "\"municipalities\": [\n"
    " {\"kommunenr\": \"0301\", \"name\": \"Oslo\", \"fylkesnr\": \"03\", \"valid_from\": 2020, \"valid_to\": null},\n"
    " {\"kommunenr\": \"1507\", \"name\": \"Ålesund\", \"fylkesnr\": \"15\", \"valid_from\": 2020, \"valid_to\": 2023},\n"
    " {\"kommunenr\": \"1508\", \"name\": \"Ålesund\", \"fylkesnr\": \"15\", \"valid_from\": 2024, \"valid_to\": null},\n"
    " {\"kommunenr\": \"1580\", \"name\": \"Haram\", \"fylkesnr\": \"15\", \"valid_from\": 2024, \"valid_to\": null},\n"
    " {\"kommunenr\": \"3001\", \"name\": \"Halden\", \"fylkesnr\": \"30\", \"valid_from\": 2020, \"valid_to\": 2023},\n"
    " {\"kommunenr\": \"3101\", \"name\": \"Halden\", \"fylkesnr\": \"31\", \"valid_from\": 2024, \"valid_to\": null}],\n"
    "\"population\": [{\"kommunenr\": \"0301\", \"year\": 2024, \"persons\": 717710}],\n"
    "\"code_changes\": [\n"
    " {\"from\": \"1507\", \"from_year\": 2020, \"to\": \"1508\", \"to_year\": 2024, \"kind\": \"split\"},\n"
    " {\"from\": \"1507\", \"from_year\": 2020, \"to\": \"1580\", \"to_year\": 2024, \"kind\": \"split\"},\n"
    " {\"from\": \"3001\", \"from_year\": 2020, \"to\": \"3101\", \"to_year\": 2024, \"kind\": \"renumbered\"}],\n"
    "\"indicators\": [{\"id\": \"population\", \"name_nb\": \"Folkemengde\", \"name_en\": \"Population\","
    " \"unit\": \"persons\", \"source\": \"SSB 07459\", \"direction\": \"neutral\", \"level\": \"kommune\","
    " \"sdg_targets\": \"\"}],\n"
    "\"settlement\": [{\"kommunenr\": \"0301\", \"year\": 2024, \"measure\": \"anmodning\", \"category\": \"alle\", \"value\": 1650}],\n"
    "\"observations\": [],\n"
    "\"cases\": []}\n";

/* Import one CSV text; check the all-or-nothing and reload invariants. */
static void import_one(regint_dataset *ds, regint_csv_kind kind, const char *text, size_t len)
{
    char *before = NULL;
    FUZZ_CHECK(regint_dataset_to_string(ds, &before) == REGINT_OK, "to_string");
    regint_status st = regint__dataset_import_csv_mem(ds, kind, "fuzz.csv", text, len);
    fuzz_check_import(ds, st, before, "fuzz.csv");
    regint_free(before);
}

/* Byte 0: bits 0-2 the layout (mod 6) of the first file; with bit 6 set the text holds a
 * second file after the first form feed, imported next with layout bits 3-5 (mod 6). */
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    regint_dataset *ds = NULL;
    regint_status st = regint_dataset_load_string(base_json, sizeof base_json - 1, "base.json", &ds);
    FUZZ_CHECK(st == REGINT_OK, "base does not load: %s", regint_last_error());
    const char *text = (const char *)data + 1;
    size_t len = size - 1, len1 = len;
    const char *ff = (data[0] & 0x40) ? memchr(text, '\f', len) : NULL;
    if (ff)
        len1 = (size_t)(ff - text);
    import_one(ds, (regint_csv_kind)((data[0] & 7u) % 6u), text, len1);
    if (ff)
        import_one(ds, (regint_csv_kind)(((data[0] >> 3) & 7u) % 6u), ff + 1, len - len1 - 1);
    regint_dataset_free(ds);
    return 0;
}
