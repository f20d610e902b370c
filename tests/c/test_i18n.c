/* Tests of the translation table (lib/util/i18n.c): every entry complete in nb, nn and en; the
 * same printf conversions in the same order in the three languages; no bokmål form in a
 * nynorsk text and no nynorsk form in a bokmål text (word lists in tests/data/i18n_terms.tsv,
 * checked against Norsk ordbank's hunspell dictionaries, see that file); languages by name;
 * numbers and dates in each language. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <regint/regint.h>
#include <regint/lang.h>

#include "util/fileio.h"
#include "util/i18n.h"
#include "test_util.h"

/* The conversions of a printf format, in order, as one string: "%s|%lld|%.0f|" ('%%' skipped).
 * Returns -1 on a conversion this checker does not know (which the table must not have). */
static int conversions(const char *fmt, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *s = p++;
        while (*p && strchr("-+ #0", *p))
            p++;
        while (*p && (isdigit((unsigned char)*p) || *p == '.' || *p == '*'))
            p++;
        while (*p && strchr("hljztL", *p))
            p++;
        if (!*p || !strchr("diouxXeEfFgGaAcsp", *p))
            return -1;
        size_t l = (size_t)(p - s + 1);
        if (o + l + 2 > size)
            return -1;
        memcpy(out + o, s, l);
        o += l;
        out[o++] = '|';
        out[o] = '\0';
    }
    return 0;
}

static void test_complete(void)
{
    for (int id = 0; id < REGINT__MSG_COUNT; id++) {
        CU_ASSERT(*regint__msg_id((regint__msg)id) != '\0');
        for (int l = 0; l < REGINT_LANG_COUNT; l++) {
            const char *t = regint__tr((regint_lang)l, (regint__msg)id);
            if (!*t)
                fprintf(stderr, "\n  %s has no %s text\n", regint__msg_id((regint__msg)id),
                        regint_lang_name((regint_lang)l));
            CU_ASSERT(*t != '\0');
        }
    }
    CU_ASSERT_STRING_EQUAL(regint__tr(REGINT_LANG_NN, REGINT__MSG_COUNT), "");
    CU_ASSERT_STRING_EQUAL(regint__tr(REGINT_LANG_COUNT, REGINT__MSG_MEASURE_REQUEST), "Request");
}

static void test_same_conversions(void)
{
    for (int id = 0; id < REGINT__MSG_COUNT; id++) {
        char ref[256], got[256];
        const char *name = regint__msg_id((regint__msg)id);
        CU_ASSERT_EQUAL_FATAL(conversions(regint__tr(REGINT_LANG_EN, (regint__msg)id), ref, sizeof ref), 0);
        for (int l = 0; l < REGINT_LANG_COUNT; l++) {
            int st = conversions(regint__tr((regint_lang)l, (regint__msg)id), got, sizeof got);
            int ok = st == 0 && strcmp(ref, got) == 0;
            if (!ok)
                fprintf(stderr, "\n  %s: %s has conversions '%s', en has '%s'\n", name,
                        regint_lang_name((regint_lang)l), got, ref);
            CU_ASSERT(ok);
        }
    }
}

/* Is `word` in `text` as a whole word (letters, digits, UTF-8 letters around it do not count
 * as boundaries)? Case-insensitive for ASCII; the lists hold lower-case forms. */
static int is_word_byte(unsigned char c)
{
    return isalnum(c) || c >= 0x80;
}

/* strncasecmp is POSIX, not C11: ASCII case folding is enough for these lists. */
static int prefix_ci(const char *s, const char *w, size_t wl)
{
    for (size_t i = 0; i < wl; i++)
        if (!s[i] || tolower((unsigned char)s[i]) != tolower((unsigned char)w[i]))
            return 0;
    return 1;
}

static int has_word(const char *text, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = text; *p; p++) {
        if (!prefix_ci(p, word, wl))
            continue;
        int left = p == text || !is_word_byte((unsigned char)p[-1]);
        int right = !is_word_byte((unsigned char)p[wl]);
        if (left && right)
            return 1;
    }
    return 0;
}

/* tests/data/i18n_terms.tsv: "lang<TAB>kind<TAB>term<TAB>source" where kind is "forbidden" (must not appear
 * in any text of lang) or "required" / "report" (must appear in some text of lang). */
static void test_terms(void)
{
    char *text = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(regint__read_file(REGINT_TEST_DIR "/data/i18n_terms.tsv", &text, &len), REGINT_OK);
    size_t checked = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || !line[0])
            continue;
        char *k = strchr(line, '\t');
        char *w = k ? strchr(k + 1, '\t') : NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(w);
        *k++ = '\0';
        *w++ = '\0';
        char *src = strchr(w, '\t'); /* the source column */
        if (src)
            *src = '\0';
        regint_lang lang;
        CU_ASSERT_EQUAL_FATAL(regint_lang_from_name(line, &lang), REGINT_OK);
        int forbidden = strcmp(k, "forbidden") == 0;
        /* "required" (the letter's terms) and "report" (the county report's) are both texts of
         * the table: each must be in some text of its language. */
        CU_ASSERT_FATAL(forbidden || strcmp(k, "required") == 0 || strcmp(k, "report") == 0);
        int found = 0;
        for (int id = 0; id < REGINT__MSG_COUNT; id++) {
            if (has_word(regint__tr(lang, (regint__msg)id), w)) {
                found = 1;
                if (forbidden)
                    fprintf(stderr, "\n  %s: '%s' in the %s text\n", regint__msg_id((regint__msg)id), w, line);
            }
        }
        CU_ASSERT(forbidden ? !found : found);
        if (!forbidden && !found)
            fprintf(stderr, "\n  required %s term '%s' is in no text\n", line, w);
        checked++;
    }
    CU_ASSERT(checked > 50);
    free(text);
}

static void test_lang_names(void)
{
    regint_lang l = REGINT_LANG_COUNT;
    CU_ASSERT_EQUAL(regint_lang_from_name("nn", &l), REGINT_OK);
    CU_ASSERT_EQUAL(l, REGINT_LANG_NN);
    CU_ASSERT_EQUAL(regint_lang_from_name("NB", &l), REGINT_OK);
    CU_ASSERT_EQUAL(l, REGINT_LANG_NB);
    CU_ASSERT_EQUAL(regint_lang_from_name("en", &l), REGINT_OK);
    CU_ASSERT_EQUAL(l, REGINT_LANG_EN);
    CU_ASSERT_EQUAL(regint_lang_from_name("no", &l), REGINT_ENOTFOUND);
    TEST_ASSERT_CONTAINS(regint_last_error(), "unknown language 'no'");
    TEST_ASSERT_CONTAINS(regint_last_error(), "nn (nynorsk)");
    CU_ASSERT_EQUAL(regint_lang_from_name("nno", &l), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_lang_from_name("n", &l), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_lang_from_name("", &l), REGINT_ENOTFOUND);
    CU_ASSERT_EQUAL(regint_lang_from_name(NULL, &l), REGINT_ENOTFOUND);
    CU_ASSERT_STRING_EQUAL(regint_lang_name(REGINT_LANG_NN), "nn");
    CU_ASSERT_STRING_EQUAL(regint_lang_name(REGINT_LANG_COUNT), "unknown");
    CU_ASSERT_EQUAL(regint_lang_from_name("nb", NULL), REGINT_EINVAL);
}

/* Expected strings written by hand from Språkrådet's rules (space as thousands separator,
 * decimal comma, space before %) and English usage. */
static void test_numbers_and_dates(void)
{
    char b[64];
    CU_ASSERT_STRING_EQUAL(regint__i18n_number(REGINT_LANG_NB, 35000, 0, b, sizeof b), "35\xC2\xA0" "000");
    CU_ASSERT_STRING_EQUAL(regint__i18n_number(REGINT_LANG_NN, 1080, 0, b, sizeof b), "1\xC2\xA0" "080");
    CU_ASSERT_STRING_EQUAL(regint__i18n_number(REGINT_LANG_EN, 1234567.25, 1, b, sizeof b), "1,234,567.2");
    CU_ASSERT_STRING_EQUAL(regint__i18n_number(REGINT_LANG_NB, 78.56, 1, b, sizeof b), "78,6");
    CU_ASSERT_STRING_EQUAL(regint__i18n_number(REGINT_LANG_NB, -0.04, 1, b, sizeof b), "0,0");
    CU_ASSERT_STRING_EQUAL(regint__i18n_number(REGINT_LANG_EN, -12.5, 1, b, sizeof b), "-12.5");
    CU_ASSERT_STRING_EQUAL(regint__i18n_percent(REGINT_LANG_EN, 0.0763, 1, b, sizeof b), "7.6%");
    CU_ASSERT_STRING_EQUAL(regint__i18n_decimal(REGINT_LANG_EN, 1234.56, 1, b, sizeof b), "1234.6");
    CU_ASSERT_STRING_EQUAL(regint__i18n_decimal(REGINT_LANG_NN, 1234.56, 1, b, sizeof b), "1234,6");
    CU_ASSERT_STRING_EQUAL(regint__i18n_percent(REGINT_LANG_NN, 0.0763, 1, b, sizeof b), "7,6\xC2\xA0%");
    CU_ASSERT_STRING_EQUAL(regint__i18n_date(REGINT_LANG_NN, 2026, 12, 6, b, sizeof b), "6. desember 2026");
    CU_ASSERT_STRING_EQUAL(regint__i18n_date(REGINT_LANG_EN, 2026, 9, 12, b, sizeof b), "12 September 2026");
    /* A small buffer is cut, never overrun. */
    char small[4];
    regint__i18n_number(REGINT_LANG_NB, 123456, 0, small, sizeof small);
    CU_ASSERT(strlen(small) < sizeof small);
    CU_ASSERT_STRING_EQUAL(regint__tr_sdg(REGINT_LANG_NN, 10), "Mindre ulikskap");
    CU_ASSERT_STRING_EQUAL(regint__tr_sdg(REGINT_LANG_EN, 18), "");
    CU_ASSERT_STRING_EQUAL(regint__tr_indicator(REGINT_LANG_NN, "unemployment_share", "x", "y"),
                           "Heilt ledige, del av arbeidsstyrken (årsgjennomsnitt)");
    CU_ASSERT_STRING_EQUAL(regint__tr_indicator(REGINT_LANG_NN, "own_indicator", "Eget navn", "Own name"), "Eget navn");
    CU_ASSERT_STRING_EQUAL(regint__tr_indicator(REGINT_LANG_EN, "own_indicator", "Eget navn", "Own name"), "Own name");
    CU_ASSERT_STRING_EQUAL(regint__tr_indicator(REGINT_LANG_EN, NULL, NULL, NULL), "");
}

/* The English notes and reasons are today's output: a recommendation run must not change. */
static void test_english_is_todays_text(void)
{
    CU_ASSERT_STRING_EQUAL(regint__tr(REGINT_LANG_EN, REGINT__MSG_REASON_EXCLUDED), "excluded by the profile");
    CU_ASSERT_STRING_EQUAL(regint__tr(REGINT_LANG_EN, REGINT__MSG_REASON_RAISED_MINIMUM), "; raised to the minimum %lld");
    CU_ASSERT_STRING_EQUAL(regint__tr(REGINT_LANG_NB, REGINT__MSG_REPORT_SETTLEMENT_HEADING),
                           "Bosetting av flyktninger %d–%d");
}

/* regint__tr_back(): an English note the engine wrote, put into another language. Expected
 * texts written by hand from the table's formats. */
static void test_tr_back(void)
{
    const regint__msg first = REGINT__MSG_NOTE_CRITERION_NOT_IN_CATALOGUE, last = REGINT__MSG_NOTE_FLAGS_MANY;
    char b[512];
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NN, first, last,
                                    "criterion 'intro_results' has no value for any municipality asked: left out. ",
                                    b, sizeof b),
                    REGINT__MSG_NOTE_CRITERION_NO_VALUE);
    CU_ASSERT_STRING_EQUAL(b, "kriteriet «intro_results» har ingen verdi for nokon av kommunane som blir oppmoda: "
                              "halde utanfor. ");
    /* several numbers and a name with spaces and a colon of its own */
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NB, first, last,
                                    "the total 5 is below the minimum 10: Evje og Hornnes: x is asked for it all. ", b,
                                    sizeof b),
                    REGINT__MSG_NOTE_TOTAL_BELOW_MINIMUM);
    CU_ASSERT_STRING_EQUAL(b, "det samlede tallet 5 er lavere enn minstetallet 10: Evje og Hornnes: x anmodes om alle. ");
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NN, first, last,
                                    "14 municipalities depart from their own decision or stated capacity (see their "
                                    "flags). ", b, sizeof b),
                    REGINT__MSG_NOTE_FLAGS_MANY);
    CU_ASSERT_STRING_EQUAL(b, "14 kommunar avvik frå eigne vedtak eller meldt kapasitet (sjå flagga). ");
    /* English to English is the text itself */
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_EN, first, last, "1 municipality departs from its own decision or "
                                    "stated capacity (see its flag). ", b, sizeof b),
                    REGINT__MSG_NOTE_FLAGS_ONE);
    CU_ASSERT_STRING_EQUAL(b, "1 municipality departs from its own decision or stated capacity (see its flag). ");
    /* not a message of the range (a reason), a number where a number must be, and NULL */
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NN, first, last, "excluded by the profile", b, sizeof b),
                    REGINT__MSG_COUNT);
    CU_ASSERT_STRING_EQUAL(b, "excluded by the profile");
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NN, first, last,
                                    "population unknown for some municipalities: the county median was used. ", b,
                                    sizeof b),
                    REGINT__MSG_COUNT);
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NN, first, last, NULL, b, sizeof b), REGINT__MSG_COUNT);
    CU_ASSERT_STRING_EQUAL(b, "");
    /* a small buffer: cut, terminated */
    char small[8];
    CU_ASSERT_EQUAL(regint__tr_back(REGINT_LANG_NB, first, last, "no decisions in 2019: last_decision follows "
                                    "population. ", small, sizeof small),
                    REGINT__MSG_NOTE_BACKTEST_NO_DECISIONS);
    CU_ASSERT_STRING_EQUAL(small, "ingen v");
}

int main(void)
{
    static const test_case tests[] = {
        {"every entry in nb, nn and en", test_complete},
        {"same conversions in every language", test_same_conversions},
        {"known terms per language", test_terms},
        {"language names", test_lang_names},
        {"numbers and dates", test_numbers_and_dates},
        {"English is today's text", test_english_is_todays_text},
        {"back from English", test_tr_back},
        {NULL, NULL},
    };
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    if (test_add_suite("i18n", tests) != 0)
        return 1;
    return test_run_all();
}
