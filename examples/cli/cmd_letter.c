/* regint letter: the county's recommendation letter to IMDi in bokmål, nynorsk or English. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* --lang and --stdout: the index of the word. The languages are in regint_lang's order. */
enum { LETTER_FILES = -1, LETTER_MD = 0, LETTER_HTML = 1 };

typedef struct letter_args {
    const char *data, *county, *profile, *out, *date, *alt, *allocation;
    int64_t year, total, need;
    double max_per_1000;
    int lang, to_stdout;
} letter_args;

static const letter_args defaults = {NULL, NULL, NULL, ".", NULL, NULL, NULL, 2026, -1, 0, 0, REGINT_LANG_NB, LETTER_FILES};

static const cli_opt letter_opts[] = {
    CLI_SUMMARY("write the county's recommendation letter to IMDi (nb, nn or en)"),
    CLI_ABOUT("Writes DIR/letter-NR-Y-LANG.md and DIR/letter-NR-Y-LANG.html (one self-contained page):\n"
              "the county's total, the criteria and their weights in words, every municipality with\n"
              "its number and the reason, departures from the councils' decisions, the range over\n"
              "scenario variants, the audit and the caveats of the data. Every text comes from the\n"
              "library's translation table (docs/glossary.md).\n"),
    CLI_OPT_DATA(letter_args),
    CLI_STRING("county", "NR", letter_args, county, CLI_REQUIRED, "county number valid in the year (e.g. 15, 39)"),
    CLI_INT("year", "Y", letter_args, year, 1900, 2200, 0, "the year to settle in (default 2026)"),
    CLI_CHOICE("lang", "nb|nn|en", letter_args, lang, "language: bokmål (default), nynorsk or English"),
    CLI_STRING("profile", "FILE", letter_args, profile, 0, "settlement profile (see docs/settlement.md)"),
    CLI_INT("total", "N", letter_args, total, 0, INT64_MAX, 0,
            "persons to settle (default: the sum of IMDi's actual requests)"),
    CLI_INT("national-need", "N", letter_args, need, 1, INT64_MAX, 0, "the national need, stated in the letter"),
    CLI_STRING("date", "YYYY-MM-DD", letter_args, date, 0, "the letter's date (default: today)"),
    CLI_OPT_ALT_PROFILE(letter_args),
    CLI_OPT_AUDIT(letter_args),
    CLI_STRING("out", "DIR", letter_args, out, 0, "folder of the two files (default: .)"),
    CLI_CHOICE("stdout", "md|html", letter_args, to_stdout, "print the letter in this format instead of writing files"),
    CLI_END,
};

const cli_command cli_cmd_letter = CLI_COMMAND("letter", letter_opts, cli_run_letter);

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
        fprintf(stderr, "regint letter: %s: cannot write: %s\n", path, strerror(errno));
        return CLI_BAD_INPUT;
    }
    printf("wrote %s\n", path);
    return CLI_OK;
}

int cli_run_letter(const cli_command *cmd, const void *parsed)
{
    const letter_args a = *(const letter_args *)parsed;
    regint_dataset *ds = NULL;
    regint_settlement_profile *prof = NULL;
    regint_settlement_profile **alt = NULL;
    size_t nalt = 0;
    int rc = cli_load_settlement(cmd->name, a.data, a.profile, &ds, &prof);
    if (rc != CLI_OK)
        return rc;
    if ((rc = cli_load_profiles(cmd->name, a.alt, &alt, &nalt)) != CLI_OK) {
        cli_free_profiles(alt, nalt);
        regint_settlement_profile_free(prof);
        regint_dataset_free(ds);
        return rc;
    }
    regint_letter_options opt = REGINT_LETTER_OPTIONS_INIT;
    opt.alt_profiles = (const regint_settlement_profile *const *)alt;
    opt.alt_profile_count = nalt;
    opt.allocation = a.allocation;
    opt.max_per_1000 = a.max_per_1000;
    opt.lang = (regint_lang)a.lang;
    opt.profile = prof;
    if (a.total >= 0)
        opt.total = a.total;
    opt.national_need = a.need;
    opt.date = a.date;
    char *md = NULL, *html = NULL;
    if (regint_letter_write(ds, a.county, (int)a.year, &opt, &md, &html) != REGINT_OK) {
        rc = cli_fail(cmd->name, NULL);
    } else if (a.to_stdout == LETTER_MD) {
        fputs(md, stdout);
    } else if (a.to_stdout == LETTER_HTML) {
        fputs(html, stdout);
    } else if (mkdir(a.out, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "regint letter: %s: cannot create folder: %s\n", a.out, strerror(errno));
        rc = CLI_BAD_INPUT;
    } else {
        size_t len = strlen(a.out) + 64;
        char *path = malloc(len);
        if (!path) {
            rc = CLI_BAD_INPUT;
        } else {
            const char *lang = regint_lang_name(opt.lang);
            snprintf(path, len, "%s/letter-%s-%d-%s.md", a.out, a.county, (int)a.year, lang);
            rc = write_text(path, md);
            snprintf(path, len, "%s/letter-%s-%d-%s.html", a.out, a.county, (int)a.year, lang);
            if (rc == CLI_OK)
                rc = write_text(path, html);
            free(path);
        }
    }
    regint_free(md);
    regint_free(html);
    cli_free_profiles(alt, nalt);
    regint_settlement_profile_free(prof);
    regint_dataset_free(ds);
    return rc;
}
