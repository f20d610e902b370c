/* The one translation table of regint: every text the library writes for people, in bokmål,
 * nynorsk and English (issue 15). UTF-8, C11.
 *
 * Rules for the texts (tests/unit/test_i18n.c checks the first three):
 * - every entry has all three languages, none NULL or empty;
 * - the three texts of an entry carry the same printf conversions in the same order (C11 has no
 *   positional %1$s, so a translation that needs another word order is rephrased instead);
 * - no bokmål form leaks into nynorsk (the list in tests/data/i18n_terms.tsv);
 * - numbers that a reader sees with decimals or thousands go through regint__i18n_number()
 *   and enter as %s ("7,6 %" in nb/nn, "7.6%" in en): the same call site then serves all three;
 * - the English texts of recommendation notes and reasons are byte-for-byte today's output, so
 *   the outputs compared before and after the translation table do not change for --lang en.
 * Words: docs/glossary.md gives each term with its source (seed pages, IMDi, regjeringen.no,
 * Norsk ordbank / Nynorskordboka). Nynorsk follows how IMDi and Møre og Romsdal write it:
 * oppmoding (IMDi's nynorsk for "anmodning"), busetjing/busetting, busette, tilrå/tilråding,
 * einslege mindreårige, kommunane, flyktningar, vedtak. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "regint/lang.h"
#include "util/i18n.h"
#include "util/error.h"

typedef struct entry {
    const char *id;
    const char *text[REGINT_LANG_COUNT];
} entry;

#define T(ID, NB, NN, EN) [REGINT__MSG_##ID] = {#ID, {NB, NN, EN}}

/* The table is data, not logic: `duplicates` (issue 13) reports its entries as one pair of this
 * file with itself (same-shape T(...) lines throughout the table, e.g. the report's and the
 * letter's sections). Kept as C rather than generated from a separate table file: a translator
 * sees the three languages of an entry side by side in one place, the compiler checks every id
 * against util/i18n.h's enum, and c_test_i18n checks the rules above on this very table; a
 * generator would add a build step and a second file to keep in step, and gain nothing. */
static const entry table[] = {
    /* ---------------------------------------------------------------- missing values */
    T(MISSING_SUPPRESSED, "prikket", "prikka", "suppressed"),
    T(MISSING_NOT_APPLICABLE, "ikke relevant", "ikkje relevant", "not applicable"),
    T(MISSING_NO_DECISION, "ikke vedtak", "ikkje vedtak", "no decision"),
    T(MISSING_AWAITING_DECISION, "avventer vedtak", "ventar på vedtak", "awaiting decision"),
    T(MISSING_UNKNOWN, "mangler", "manglar", "missing"),

    /* ---------------------------------------------------------------- measures and units */
    T(MEASURE_REQUEST, "Anmodning", "Oppmoding", "Request"),
    T(MEASURE_DECISION, "Vedtak", "Vedtak", "Decision"),
    T(MEASURE_SETTLED, "Bosatt", "Busette", "Settled"),
    T(UNIT_PERCENT, "prosent", "prosent", "percent"),
    T(UNIT_PERSONS, "personer", "personar", "persons"),
    T(NATION, "Landet", "Landet", "Norway"),
    T(AT_LEAST, "minst ", "minst ", "at least "),

    /* ---------------------------------------------------------------- county report: intro */
    T(REPORT_TITLE, "Kunnskapsgrunnlag for integrering – %s (%s), %d",
      "Kunnskapsgrunnlag for integrering – %s (%s), %d",
      "Knowledge base for integration – %s (%s), %d"),
    T(REPORT_HTML_TITLE, "Kunnskapsgrunnlag for integrering – %s %d",
      "Kunnskapsgrunnlag for integrering – %s %d",
      "Knowledge base for integration – %s %d"),
    T(REPORT_INTRO,
      "Rapport laget av regint %s fra datasettet med offentlig statistikk (IMDi, SSB, NAV; se "
      "data/SOURCES.md). Historikk er ført over på kommuneinndelingen i %d med kodekorrespondansen "
      "(sammenslåinger summeres, delinger fordeles etter folketall). Manglende verdier vises som "
      "manglende med årsak, aldri som 0. Tabellene kommer først; figurene er SVG laget av regint.",
      "Rapport laga av regint %s frå datasettet med offentleg statistikk (IMDi, SSB, NAV; sjå "
      "data/SOURCES.md). Historikken er ført over på kommuneinndelinga i %d med kodekorrespondansen "
      "(samanslåingar blir summerte, delingar blir fordelte etter folketal). Manglande verdiar blir "
      "viste som manglande med årsak, aldri som 0. Tabellane kjem først; figurane er SVG laga av regint.",
      "Report made by regint %s from the dataset of public statistics (IMDi, Statistics Norway, NAV; "
      "see data/SOURCES.md). History is carried over to the municipal structure of %d with the code "
      "correspondence (merged municipalities are summed, split ones shared by population). Missing "
      "values are shown as missing with their reason, never as 0. Tables come first; the figures are "
      "SVG drawn by regint."),
    T(REPORT_KEY_FIGURES, "Nøkkeltall", "Nøkkeltal", "Key figures"),
    T(REPORT_VALUE, "Verdi", "Verdi", "Value"),
    T(REPORT_MUNICIPALITIES_IN, "Kommuner i %d", "Kommunar i %d", "Municipalities in %d"),
    T(REPORT_POPULATION_AT, "Folketall 1.1.%d", "Folketal 1.1.%d", "Population 1 Jan %d"),
    T(REPORT_MEASURE_PERSONS, "%s %d (personer)", "%s %d (personar)", "%s %d (persons)"),

    /* ---------------------------------------------------------------- county report: settlement */
    T(REPORT_SETTLEMENT_HEADING, "Bosetting av flyktninger %d–%d", "Busetjing av flyktningar %d–%d",
      "Settlement of refugees %d–%d"),
    T(REPORT_SETTLEMENT_INTRO,
      "Anmodning fra IMDi, kommunestyrenes vedtak og faktisk bosatte, summert for fylkets kommuner "
      "slik de er inndelt i %d. År før en kommunereform er ført over på dagens kommunenummer.",
      "Oppmoding frå IMDi, vedtaka i kommunestyra og faktisk busette, summert for kommunane i fylket "
      "etter kommuneinndelinga i %d. Åra før ei kommunereform er førte over på dagens kommunenummer.",
      "IMDi's requests, the municipal councils' decisions and the number actually settled, summed "
      "over the county's municipalities as they are in %d. Years before a municipal merger are "
      "carried over to today's municipality numbers."),
    T(REPORT_YEAR, "År", "År", "Year"),
    T(REPORT_SETTLED_SHARE_OF_REQUEST, "Bosatt i %% av anmodning", "Busette i %% av oppmodinga",
      "Settled as %% of request"),
    T(REPORT_NOTE_LOWER_BOUND_SUM,
      "≥ betyr at minst én kommune har en prikket (skjult) verdi: summen av de kjente verdiene er en "
      "nedre grense (blek stiplet søyle i figuren). IMDis egne fylkestall tar med de prikkede personene.",
      "≥ tyder at minst éin kommune har ein prikka (skjult) verdi: summen av dei kjende verdiane er ei "
      "nedre grense (bleik stipla søyle i figuren). Fylkestala til IMDi tek med dei prikka personane.",
      "≥ means that at least one municipality has a suppressed (hidden) value: the sum of the known "
      "values is a lower bound (pale dashed bar in the chart). IMDi's own county figures include the "
      "suppressed persons."),
    T(REPORT_NOTE_NO_FIGURE,
      "– betyr at datasettet ikke har tall for året. Tall for inneværende år er foreløpige.",
      "– tyder at datasettet ikkje har tal for året. Tala for inneverande år er førebels.",
      "– means that the dataset has no figure for the year. Figures for the current year are provisional."),
    /* The caveat of the bundled IMDi data that the recommendation states too (issue 14). */
    T(REPORT_NOTE_2023,
      "Tallene for 2023 i det medfølgende datasettet er et uttrekk fra september 2023, ikke endelige "
      "tall for året (data/SOURCES.md). Anbefalingen (regint recommend) teller en prikket verdi som 2.",
      "Tala for 2023 i datasettet som følgjer med, er eit uttrekk frå september 2023, ikkje endelege "
      "tal for året (data/SOURCES.md). Tilrådinga (regint recommend) reknar ein prikka verdi som 2.",
      "The 2023 figures in the bundled dataset are an extract from September 2023, not final figures "
      "for the year (data/SOURCES.md). The recommendation (regint recommend) counts a suppressed value "
      "as 2."),
    T(REPORT_CHART_SETTLEMENT, "Bosetting i %s %d–%d (personer)", "Busetjing i %s %d–%d (personar)",
      "Settlement in %s %d–%d (persons)"),
    T(REPORT_MUNICIPALITIES_HEADING, "Kommunene i %d", "Kommunane i %d", "The municipalities in %d"),
    T(REPORT_MUNICIPALITY, "Kommune", "Kommune", "Municipality"),
    T(REPORT_POPULATION_YEAR, "Folketall %d", "Folketal %d", "Population %d"),
    T(REPORT_POPULATION, "Folketall", "Folketal", "Population"),
    T(REPORT_MEASURE_YEAR, "%s %d", "%s %d", "%s %d"),
    T(REPORT_SETTLED_YEARS, "Bosatt %d–%d", "Busette %d–%d", "Settled %d–%d"),
    T(REPORT_PER_1000, "Per 1000 innb.", "Per 1000 innb.", "Per 1,000 inh."),
    T(REPORT_NOTE_PER_1000,
      "Bosatt per 1000 innbyggere = bosatt %d–%d delt på folketallet 1.1.%d, ganger 1000.%s",
      "Busette per 1000 innbyggjarar = busette %d–%d delt på folketalet 1.1.%d, gonger 1000.%s",
      "Settled per 1,000 inhabitants = settled %d–%d divided by the population on 1 January %d, times 1,000.%s"),
    T(REPORT_NOTE_PER_1000_LOWER, " ≥ markerer summer med prikkede verdier (nedre grense).",
      " ≥ markerer summar med prikka verdiar (nedre grense).",
      " ≥ marks sums with suppressed values (lower bound)."),

    /* ---------------------------------------------------------------- county report: indicators */
    T(REPORT_INDICATORS_HEADING, "Indikatorer", "Indikatorar", "Indicators"),
    T(REPORT_INDICATORS_INTRO,
      "Siste år med tall for fylket. Trend = stigningstallet i en minste kvadraters linje over de "
      "siste %d årene (per år). Rangering blant fylkene i %d: 1 er best etter indikatorens retning "
      "(høyest først når retningen er nøytral). Fylkestall som mangler i kilden er regnet fra "
      "kommunene, eller fra fylkesinndelingen tallene ble publisert for (befolkningsvektet).",
      "Siste år med tal for fylket. Trend = stigingstalet i ei linje funnen med minste kvadrats metode "
      "over dei siste %d åra (per år). Plassering blant fylka i %d: 1 er best etter retninga til "
      "indikatoren (høgast først når retninga er nøytral). Fylkestal som manglar i kjelda, er rekna "
      "frå kommunane, eller frå den fylkesinndelinga tala vart publiserte for (vekta etter folketal).",
      "Latest year with figures for the county. Trend = the slope of a least-squares line over the "
      "last %d years (per year). Rank among the counties in %d: 1 is best by the indicator's "
      "direction (highest first when the direction is neutral). County figures missing in the source "
      "are computed from the municipalities, or from the county structure the figures were published "
      "for (population-weighted)."),
    T(REPORT_INDICATOR, "Indikator", "Indikator", "Indicator"),
    T(REPORT_CHANGE, "Endring fra året før", "Endring frå året før", "Change from the year before"),
    T(REPORT_TREND, "Trend per år", "Trend per år", "Trend per year"),
    T(REPORT_RANK, "Rang", "Rang", "Rank"),
    T(REPORT_SDG, "Bærekraftsmål", "Berekraftsmål", "Sustainable Development Goals"),
    T(REPORT_NO_FIGURES, "ingen tall", "ingen tal", "no figures"),
    T(REPORT_TREND_POINTS, "%s (%zu år)", "%s (%zu år)", "%s (%zu years)"),
    /* the unit of a change in a share or a percentage (the report's change and trend columns) */
    T(REPORT_PERCENTAGE_POINTS, "prosentpoeng", "prosentpoeng", "percentage points"),
    T(REPORT_RANK_OF, "%zu av %zu", "%zu av %zu", "%zu of %zu"),
    T(REPORT_NOTE_INDICATOR_LOWER,
      "≥: summen mangler tall for minst én kommune (prikket eller ikke med i kilden), så den er en "
      "nedre grense; endring, trend og rangering bruker bare fullstendige summer.",
      "≥: summen manglar tal for minst éin kommune (prikka eller ikkje med i kjelda), så summen er ei "
      "nedre grense; endring, trend og plassering byggjer berre på fullstendige summar.",
      "≥: the sum lacks figures for at least one municipality (suppressed or not in the source), so "
      "it is a lower bound; change, trend and rank use complete sums only."),

    /* ---------------------------------------------------------------- county report: plan */
    T(PROGRESS_ON_TRACK, "i rute", "i rute", "on track"),
    T(PROGRESS_BEHIND, "bak planen", "bak planen", "behind plan"),
    T(PROGRESS_ACHIEVED, "nådd", "nådd", "achieved"),
    T(PROGRESS_NO_DATA, "ingen tall", "ingen tal", "no figures"),
    T(REPORT_PLAN_HEADING, "Plan for kvalifisering", "Plan for kvalifisering", "Plan for qualification"),
    T(REPORT_PLAN_NONE, "Datasettet har ingen plan for kvalifisering for %s. Gi en plan med --plan FIL.",
      "Datasettet har ingen plan for kvalifisering for %s. Gi ein plan med --plan FIL.",
      "The dataset has no plan for qualification for %s. Give one with --plan FILE."),
    T(REPORT_PLAN_PERIOD, "%s (%d–%d)", "%s (%d–%d)", "%s (%d–%d)"),
    T(REPORT_PLAN_EXAMPLE, "EKSEMPEL: Dette er en eksempelplan for å vise rapporten, ikke en vedtatt plan.",
      "EKSEMPEL: Dette er ein eksempelplan for å vise rapporten, ikkje ein vedteken plan.",
      "EXAMPLE: This is an example plan to show the report, not an adopted plan."),
    T(REPORT_GOAL, "Mål", "Mål", "Goal"),
    T(REPORT_DESCRIPTION, "Beskrivelse", "Skildring", "Description"),
    T(REPORT_MEASURES, "Tiltak", "Tiltak", "Measures"),
    T(REPORT_MEASURE, "Tiltak", "Tiltak", "Measure"),
    T(REPORT_RESPONSIBLE, "Ansvarlig", "Ansvarleg", "Responsible"),
    T(REPORT_ORGNR, "Org.nr.", "Org.nr.", "Org. no."),
    T(REPORT_PERIOD, "Periode", "Periode", "Period"),
    T(REPORT_ATTAINMENT, "Måloppnåelse", "Måloppnåing", "Goal attainment"),
    T(REPORT_AREA, "Område", "Område", "Area"),
    T(REPORT_BASELINE, "Utgangspunkt", "Utgangspunkt", "Baseline"),
    T(REPORT_TARGET, "Målverdi", "Målverdi", "Target"),
    T(REPORT_LATEST, "Siste verdi", "Siste verdi", "Latest value"),
    T(REPORT_EXPECTED, "Forventet etter planen", "Venta etter planen", "Expected by the plan"),
    T(REPORT_STATUS, "Status", "Status", "Status"),
    T(REPORT_UNKNOWN_INDICATOR, "ukjent indikator", "ukjend indikator", "unknown indicator"),
    T(REPORT_NO_FIGURES_AFTER, "ingen tall etter %d", "ingen tal etter %d", "no figures after %d"),
    T(REPORT_NOTE_PROGRESS,
      "I rute: siste verdi ligger på eller bedre enn den rette linjen fra utgangspunktet til målverdien "
      "(flat etter målåret). Nådd: målverdien er nådd. Ingen tall: ingen verdi etter utgangsåret.",
      "I rute: siste verdi ligg på eller betre enn den rette linja frå utgangspunktet til målverdien "
      "(flat etter målåret). Nådd: målverdien er nådd. Ingen tal: ingen verdi etter utgangsåret.",
      "On track: the latest value is on or better than the straight line from the baseline to the "
      "target (flat after the target year). Achieved: the target is reached. No figures: no value "
      "after the baseline year."),

    /* ---------------------------------------------------------------- county report: SDGs */
    T(REPORT_SDG_INTRO,
      "FNs bærekraftsmål som indikatorene og planens mål er knyttet til. Mål 1, 3, 4, 5, 8, 10 og 11 "
      "er tatt med selv uten indikator, så hullene i kunnskapsgrunnlaget synes.",
      "Berekraftsmåla til FN som indikatorane og måla i planen er knytte til. Mål 1, 3, 4, 5, 8, 10 og "
      "11 er tekne med sjølv utan indikator, slik at hola i kunnskapsgrunnlaget blir synlege.",
      "The UN Sustainable Development Goals that the indicators and the plan's goals are linked to. "
      "Goals 1, 3, 4, 5, 8, 10 and 11 are included even without an indicator, so that the gaps in the "
      "knowledge base show."),
    T(REPORT_SDG_INDICATORS, "Indikatorer (delmål)", "Indikatorar (delmål)", "Indicators (targets)"),
    T(REPORT_SDG_PLAN_GOALS, "Planens mål", "Måla i planen", "Goals of the plan"),
    T(REPORT_SDG_NO_INDICATOR, "ingen indikator ennå", "ingen indikator enno", "no indicator yet"),
    /* UN goal names: nb and en as in lib/knowledge/indicators.c (FN-sambandet / un.org); nn as
     * FN-sambandet's nynorsk pages write them. */
    T(SDG_1, "Utrydde fattigdom", "Utrydde fattigdom", "No poverty"),
    T(SDG_2, "Utrydde sult", "Utrydde svolt", "Zero hunger"),
    T(SDG_3, "God helse og livskvalitet", "God helse og livskvalitet", "Good health and well-being"),
    T(SDG_4, "God utdanning", "God utdanning", "Quality education"),
    T(SDG_5, "Likestilling mellom kjønnene", "Likestilling mellom kjønna", "Gender equality"),
    T(SDG_6, "Rent vann og gode sanitærforhold", "Reint vatn og gode sanitærforhold",
      "Clean water and sanitation"),
    T(SDG_7, "Ren energi for alle", "Rein energi til alle", "Affordable and clean energy"),
    T(SDG_8, "Anstendig arbeid og økonomisk vekst", "Anstendig arbeid og økonomisk vekst",
      "Decent work and economic growth"),
    T(SDG_9, "Innovasjon og infrastruktur", "Innovasjon og infrastruktur",
      "Industry, innovation and infrastructure"),
    T(SDG_10, "Mindre ulikhet", "Mindre ulikskap", "Reduced inequalities"),
    T(SDG_11, "Bærekraftige byer og lokalsamfunn", "Berekraftige byar og lokalsamfunn",
      "Sustainable cities and communities"),
    T(SDG_12, "Ansvarlig forbruk og produksjon", "Ansvarleg forbruk og produksjon",
      "Responsible consumption and production"),
    T(SDG_13, "Stoppe klimaendringene", "Stoppe klimaendringane", "Climate action"),
    T(SDG_14, "Livet i havet", "Livet i havet", "Life below water"),
    T(SDG_15, "Livet på land", "Livet på land", "Life on land"),
    T(SDG_16, "Fred og rettferdighet", "Fred og rettferd", "Peace, justice and strong institutions"),
    T(SDG_17, "Samarbeid for å nå målene", "Samarbeid for å nå måla", "Partnerships for the goals"),

    /* Names of the bundled catalogue's indicators (data/indicators_catalogue.csv; nb and en are its
     * name_nb and name_en, byte for byte). A dataset's own indicators keep their catalogue names:
     * regint__tr_indicator() falls back to name_nb (nb, nn) or name_en. */
    T(INDICATOR_INTRO_WORK_EDUCATION_SHARE, "Andel i arbeid eller utdanning etter introduksjonsprogrammet",
      "Del i arbeid eller utdanning etter introduksjonsprogrammet",
      "Share in work or education after the introduction programme"),
    T(INDICATOR_REFUGEES_MOVED_HERE, "Flyktninger som har flyttet hit (sekundærflytting)",
      "Flyktningar som har flytta hit (sekundærflytting)",
      "Refugees who moved here after settlement (secondary migration)"),
    T(INDICATOR_REFUGEES_SETTLED_HERE, "Flyktninger bosatt i kommunen og fortsatt bosatt her",
      "Flyktningar busette i kommunen og framleis busette her", "Refugees settled here and still living here"),
    T(INDICATOR_UNEMPLOYMENT_SHARE, "Helt ledige, andel av arbeidsstyrken (årsgjennomsnitt)",
      "Heilt ledige, del av arbeidsstyrken (årsgjennomsnitt)",
      "Registered fully unemployed, share of the labour force (yearly mean)"),

    /* ---------------------------------------------------------------- recommendation: notes
     * English = today's text in lib/settlement/settlement.c, byte for byte. */
    T(NOTE_CRITERION_NOT_IN_CATALOGUE,
      "kriteriet «%s» er holdt utenfor: indikatoren «%s» finnes ikke i datasettets katalog. ",
      "kriteriet «%s» er halde utanfor: indikatoren «%s» finst ikkje i katalogen til datasettet. ",
      "criterion '%s' left out: indicator '%s' is not in the dataset's catalogue. "),
    T(NOTE_POPULATION_MEDIAN,
      "folketallet er ukjent for %zu kommuner: medianen i fylket er brukt. ",
      "folketalet er ukjend for %zu kommunar: medianen i fylket er brukt. ",
      "population unknown for %zu municipalities: the county median was used. "),
    T(NOTE_CRITERION_NO_VALUE,
      "kriteriet «%s» har ingen verdi for noen av kommunene som anmodes: holdt utenfor. ",
      "kriteriet «%s» har ingen verdi for nokon av kommunane som blir oppmoda: halde utanfor. ",
      "criterion '%s' has no value for any municipality asked: left out. "),
    T(NOTE_CRITERION_ZERO,
      "kriteriet «%s» er 0 for alle kommunene som anmodes: fordelt etter folketall. ",
      "kriteriet «%s» er 0 for alle kommunane som blir oppmoda: fordelt etter folketal. ",
      "criterion '%s' is 0 for every municipality asked: distributed by population. "),
    T(NOTE_TOTAL_BELOW_MINIMUM,
      "det samlede tallet %lld er lavere enn minstetallet %lld: %s anmodes om alle. ",
      "det samla talet %lld er lågare enn minstetalet %lld: %s blir oppmoda om alle. ",
      "the total %lld is below the minimum %lld: %s is asked for it all. "),
    T(NOTE_OTHERS_CANNOT_TAKE,
      "de andre som anmodes, kan bare ta %lld av i alt %lld: %s anmodes fortsatt, med nedre grense "
      "%lld i stedet for minstetallet %lld. ",
      "dei andre som blir oppmoda, kan berre ta %lld av i alt %lld: %s blir framleis oppmoda, med "
      "nedre grense %lld i staden for minstetalet %lld. ",
      "the others asked can take only %lld of the total %lld: %s stays asked with a lower bound of "
      "%lld instead of the minimum %lld. "),
    T(NOTE_MINIMUM_EXCEEDS_TOTAL,
      "minstetallet %lld for hver kommune ville gått over det samlede tallet %lld: de %zu med lavest "
      "andel anmodes ikke. ",
      "minstetalet %lld for kvar kommune ville ha gått over det samla talet %lld: dei %zu med lågast "
      "del blir ikkje oppmoda. ",
      "the minimum of %lld for every municipality would exceed the total %lld: the %zu with the lowest "
      "scores are not asked. "),
    T(NOTE_CAPS_LIFTED,
      "takene fra tidligere vedtak er til sammen %lld, under det samlede tallet %lld: de er opphevet. ",
      "taka frå tidlegare vedtak er til saman %lld, under det samla talet %lld: dei er oppheva. ",
      "the caps from past decisions sum to %lld, below the total %lld: they were lifted. "),
    T(NOTE_MINORS_FEW_WITH_EXPERIENCE,
      "kommuner med erfaring med enslige mindreårige kan ta %lld av %lld: alle som anmodes, er "
      "vurdert for enslige mindreårige. ",
      "kommunar med røynsle med einslege mindreårige kan ta %lld av %lld: alle som blir oppmoda, er "
      "vurderte for einslege mindreårige. ",
      "municipalities with experience of unaccompanied minors can take %lld of %lld: all asked are "
      "considered for minors. "),
    T(NOTE_UNMAPPED_HISTORY,
      "%zu historiske tall hadde koder uten kobling til %d og er ikke brukt. ",
      "%zu historiske tal hadde kodar utan kopling til %d og er ikkje brukte. ",
      "%zu history figures had codes without a mapping to %d and were not used. "),
    T(NOTE_BACKTEST_NO_DECISIONS,
      "ingen vedtak i %d: last_decision følger folketallet. ",
      "ingen vedtak i %d: last_decision følgjer folketalet. ",
      "no decisions in %d: last_decision follows population. "),
    T(NOTE_BACKTEST_PROFILE_FAILED, "profilen feilet: %s", "profilen feila: %s", "profile failed: %s"),
    /* Issue 14 (lib/settlement/scoring.c): the fitted engine's notes; %s is the list of weights
     * ("population 0.1, spread 0.1, ..."). */
    T(NOTE_FITTED_OUTSIDE,
      "%zu kommuner som er gyldige i %d i dataene, hører ikke til fylke %s i årets egen inndeling "
      "(docs/settlement.md): andel 0. ",
      "%zu kommunar som er gyldige i %d i dataa, høyrer ikkje til fylke %s i inndelinga det året "
      "(docs/settlement.md): del 0. ",
      "%zu municipalities valid in %d in the data are not municipalities of county %s in that year's own "
      "structure (docs/settlement.md): score 0. "),
    T(NOTE_FITTED_WEIGHTS,
      "vektene er tilpasset bare på tidligere år, %d–%d (%zu fylkesår): %s; folketallet står for de "
      "nasjonale kriteriene (folketall, arbeidsmuligheter og resultater i introduksjonsprogrammet). ",
      "vektene er tilpassa berre på tidlegare år, %d–%d (%zu fylkesår): %s; folketalet står for dei "
      "nasjonale kriteria (folketal, arbeidsmoglegheiter og resultat i introduksjonsprogrammet). ",
      "weights fitted on %d-%d (%zu county-years, out of sample): %s; population stands for the national "
      "criteria (population, work opportunities, introduction results). "),
    T(NOTE_FITTED_NONE,
      "ingen tidligere fylkesår med anmodninger å tilpasse vektene på, så de er folketall 1: %s; "
      "folketallet står for de nasjonale kriteriene (folketall, arbeidsmuligheter og resultater i "
      "introduksjonsprogrammet). ",
      "ingen tidlegare fylkesår med oppmodingar å tilpasse vektene på, så dei er folketal 1: %s; "
      "folketalet står for dei nasjonale kriteria (folketal, arbeidsmoglegheiter og resultat i "
      "introduksjonsprogrammet). ",
      "no earlier county-year with requests to fit on, so the weights are population 1: %s; population "
      "stands for the national criteria (population, work opportunities, introduction results). "),
    /* A year the data hold no requests for (e.g. next year): the regime variable of the fit is
     * the total asked, so the weights can change with the total (docs/settlement.md). */
    T(NOTE_FITTED_TOTAL,
      "dataene har ingen anmodninger fra IMDi til fylke %s for %d, så vektene er tilpasset endringen fra "
      "fjorårets anmodninger til tallet som fordeles: et annet tall kan gi andre vekter, og da kan en "
      "kommune få færre; regint scenario sammenligner tall med de samme vektene. ",
      "dataa har ingen oppmodingar frå IMDi til fylke %s for %d, så vektene er tilpassa endringa frå "
      "oppmodingane i fjor til talet som blir fordelt: eit anna tal kan gje andre vekter, og då kan ein "
      "kommune få færre; regint scenario samanliknar tal med dei same vektene. ",
      "the data hold no IMDi requests to county %s for %d, so the weights are fitted for the change from "
      "last year's requests to the total asked: another total can give other weights, and a municipality "
      "can then get fewer; regint scenario compares totals under the same weights. "),
    /* Issue 14 (lib/settlement/local.c): how many rows are flagged. */
    T(NOTE_FLAGS_ONE,
      "%zu kommune avviker fra eget vedtak eller meldt kapasitet (se flagget). ",
      "%zu kommune avvik frå eige vedtak eller meldt kapasitet (sjå flagget). ",
      "%zu municipality departs from its own decision or stated capacity (see its flag). "),
    T(NOTE_FLAGS_MANY,
      "%zu kommuner avviker fra egne vedtak eller meldt kapasitet (se flaggene). ",
      "%zu kommunar avvik frå eigne vedtak eller meldt kapasitet (sjå flagga). ",
      "%zu municipalities depart from their own decision or stated capacity (see their flags). "),

    /* ---------------------------------------------------------------- recommendation: reasons
     * A reason is built from pieces: SCORE [TOP1 [TOP2] CLOSE] QUOTA [RAISED_*] [CAPPED_*] ...
     * English pieces = today's output; the percent and the quota are formatted by the caller with
     * regint__i18n_percent() and regint__i18n_decimal() (en: "7.6%", "78.6" as "%.1f%%" and "%.1f"
     * print today; nb/nn: "7,6 %", "78,6"). */
    T(REASON_NOT_ASKED_MINIMUM,
      "ikke anmodet: minstetallet %lld for alle ville gått over det samlede tallet; lavest andel",
      "ikkje oppmoda: minstetalet %lld for alle ville ha gått over det samla talet; lågast del",
      "not asked: the minimum of %lld for everyone would exceed the total; lowest score"),
    T(REASON_NOT_ASKED_POPULATION,
      "ikke anmodet: folketall %.0f under %lld og ingen bosatt i %d–%d",
      "ikkje oppmoda: folketal %.0f under %lld og ingen busette i %d–%d",
      "not asked: population %.0f below %lld and nobody settled in %d-%d"),
    T(REASON_EXCLUDED, "holdt utenfor i profilen", "halde utanfor i profilen", "excluded by the profile"),
    /* Issue 14: an exclusion with the profile's note ("kommunestyrevedtak 12.9.2025"). */
    T(REASON_EXCLUDED_NOTE, "holdt utenfor i profilen: %s", "halde utanfor i profilen: %s",
      "excluded by the profile: %s"),
    T(REASON_SCORE, "andel %s", "del %s", "score %s"),
    T(REASON_TOP1, " (%s %s", " (%s %s", " (%s %s"),
    T(REASON_TOP2, ", %s %s", ", %s %s", ", %s %s"),
    T(REASON_CLOSE, ")", ")", ")"),
    T(REASON_QUOTA, ", kvote %s", ", kvote %s", ", quota %s"),
    T(REASON_RAISED_PROFILE_LOWER, "; hevet til profilens nedre grense %lld",
      "; heva til den nedre grensa i profilen, %lld", "; raised to the profile's lower bound %lld"),
    T(REASON_RAISED_MINIMUM, "; hevet til minstetallet %lld", "; heva til minstetalet %lld",
      "; raised to the minimum %lld"),
    T(REASON_RAISED_LOWER_SEE_NOTE, "; hevet til nedre grense %lld (se merknaden)",
      "; heva til nedre grense %lld (sjå merknaden)", "; raised to the lower bound %lld (see the note)"),
    T(REASON_CAPPED_CAPACITY, "; begrenset til meldt kapasitet %lld", "; avgrensa til meldt kapasitet %lld",
      "; capped at the stated capacity %lld"),
    T(REASON_CAPPED_HISTORY, "; begrenset til %lld (ut fra tidligere vedtak)",
      "; avgrensa til %lld (ut frå tidlegare vedtak)", "; capped at %lld (from past decisions)"),
    T(REASON_POPULATION_UNKNOWN, "; folketall ukjent (median brukt)", "; folketal ukjend (median brukt)",
      "; population unknown (median used)"),
    /* Issue 14: local decisions and stated capacity as bounds, with their note. */
    T(REASON_COUNCIL_DECISION, "; kommunestyrets vedtak %lld (%s)", "; vedtak i kommunestyret %lld (%s)",
      "; council decision %lld (%s)"),
    T(REASON_STATED_CAPACITY, "; meldt kapasitet %lld (%s)", "; meldt kapasitet %lld (%s)",
      "; stated capacity %lld (%s)"),

    /* ---------------------------------------------------------------- criteria in words */
    T(CRITERION_POPULATION, "folketall", "folketal", "population"),
    T(CRITERION_DECISIONS, "vedtak", "vedtak", "decisions"),
    T(CRITERION_REQUESTS, "anmodninger", "oppmodingar", "requests"),
    T(CRITERION_SETTLED, "bosatte", "busette", "settled"),
    T(CRITERION_DELIVERY_RATE, "gjennomføringsgrad", "gjennomføringsgrad", "delivery rate"),
    T(CRITERION_SECONDARY_INFLOW, "sekundærtilflytting", "sekundærtilflytting", "secondary inflow"),
    T(CRITERION_UNEMPLOYMENT, "arbeidsledighet", "arbeidsløyse", "unemployment"),
    T(CRITERION_INTRO_RESULTS, "resultater i introduksjonsprogrammet", "resultat i introduksjonsprogrammet",
      "introduction programme results"),
    /* the fitted engine's criteria (settlement.h, regint_settlement_fitted_criterion); English keeps the ids */
    T(CRITERION_SPREAD, "kvadratrot av folketall", "kvadratrot av folketal", "spread"),
    T(CRITERION_REQUEST_1, "fjorårets anmodning", "oppmodinga i fjor", "request_1"),
    T(CRITERION_REQUEST_3, "anmodninger siste tre år", "oppmodingar siste tre år", "request_3"),
    T(CRITERION_DECISION_1, "fjorårets vedtak", "vedtaket i fjor", "decision_1"),
    T(CRITERION_SETTLED_2, "bosatte for to år siden", "busette for to år sidan", "settled_2"),
    /* the fitted engine's criteria in the letter's table (name, why) */
    T(CRITERION_SPREAD_LONG, "Kvadratroten av folketallet", "Kvadratrota av folketalet",
      "Square root of the population"),
    T(CRITERION_SPREAD_WHY,
      "gir også små kommuner en andel: bosetting krever et visst tjenestetilbud uansett størrelse",
      "gjev også små kommunar ein del: busetjing krev eit visst tenestetilbod same kor stor kommunen er",
      "gives small municipalities a share too: settlement needs a basic service offer whatever the size"),
    T(CRITERION_REQUEST_1_LONG, "IMDis anmodning i fjor", "Oppmodinga frå IMDi i fjor", "IMDi's request last year"),
    T(CRITERION_REQUEST_1_WHY,
      "kommunene planlegger tjenestene for flere år; kontinuitet med fjorårets anmodning",
      "kommunane planlegg tenestene for fleire år; samanheng med oppmodinga i fjor",
      "municipalities plan their services for years: continuity with last year's request"),
    T(CRITERION_REQUEST_3_LONG, "IMDis anmodninger de siste tre årene", "Oppmodingane frå IMDi dei siste tre åra",
      "IMDi's requests over the last three years"),
    T(CRITERION_REQUEST_3_WHY, "jevner ut enkeltår", "jamnar ut einskilde år", "evens out single years"),
    T(CRITERION_DECISION_1_LONG, "Kommunestyrets vedtak i fjor", "Vedtaket i kommunestyret i fjor",
      "The council's decision last year"),
    T(CRITERION_DECISION_1_WHY,
      "kapasiteten kommunen selv har vedtatt, er den beste rettesnoren for hva den vil ta imot",
      "kapasiteten kommunen sjølv har vedteke, er den beste rettesnora for kva han vil ta imot",
      "the capacity the council itself decided is the best guide to what it will accept"),
    T(CRITERION_SETTLED_2_LONG, "Bosatte for to år siden", "Busette for to år sidan", "Persons settled two years ago"),
    T(CRITERION_SETTLED_2_WHY, "kapasitet vist i praksis: personer som faktisk ble bosatt",
      "kapasitet vist i praksis: personar som faktisk vart busette",
      "capacity shown in practice: persons actually settled"),
    T(CRITERION_POPULATION_LONG, "Folketall", "Folketal", "Population"),
    T(CRITERION_POPULATION_WHY,
      "tjenester, skoler og arbeidsplasser følger størrelsen på kommunen; et nasjonalt kriterium hvert år",
      "tenester, skular og arbeidsplassar følgjer storleiken på kommunen; eit nasjonalt kriterium kvart år",
      "services, schools and jobs scale with the size of the municipality; a national criterion every year"),
    T(CRITERION_DECISIONS_LONG, "Kommunestyrets siste vedtak", "Siste vedtak i kommunestyret",
      "The council's latest decision"),
    T(CRITERION_DECISIONS_WHY,
      "det kommunen selv har vedtatt, er den beste rettesnoren for hvor mange den vil ta imot",
      "det kommunen sjølv har vedteke, er den beste rettesnora for kor mange kommunen vil ta imot",
      "what the municipality decided itself is the best guide to how many it will take"),
    T(CRITERION_REQUESTS_LONG, "IMDis anmodning året før", "Oppmodinga frå IMDi året før",
      "IMDi's request the year before"),
    T(CRITERION_REQUESTS_WHY, "kontinuitet: kommunene planlegger tjenester for flere år",
      "kontinuitet: kommunane planlegg tenester for fleire år",
      "continuity: municipalities plan their services several years ahead"),
    T(CRITERION_SETTLED_LONG, "Bosatte de siste årene", "Busette dei siste åra", "Settled in recent years"),
    T(CRITERION_SETTLED_WHY, "kapasitet vist i praksis", "kapasitet vist i praksis", "capacity shown in practice"),
    T(CRITERION_DELIVERY_RATE_LONG, "Gjennomføringsgrad (bosatte av vedtatte)",
      "Gjennomføringsgrad (busette av vedtekne)", "Delivery rate (settled of decided)"),
    T(CRITERION_DELIVERY_RATE_WHY, "kommuner som bosetter det de har vedtatt",
      "kommunar som buset det dei har vedteke", "municipalities that settle what they decide"),
    T(CRITERION_SECONDARY_INFLOW_LONG, "Sekundærtilflytting av flyktninger", "Sekundærtilflytting av flyktningar",
      "Secondary inflow of refugees"),
    T(CRITERION_SECONDARY_INFLOW_WHY, "flyktninger flytter dit det er arbeid etter første bosetting",
      "flyktningar flyttar dit det er arbeid etter den første busetjinga",
      "refugees move to where there is work after their first settlement"),
    T(CRITERION_UNEMPLOYMENT_LONG, "Arbeidsledighet i regionen", "Arbeidsløyse i regionen",
      "Unemployment in the region"),
    T(CRITERION_UNEMPLOYMENT_WHY, "muligheter for arbeid", "moglegheiter for arbeid", "opportunities for work"),
    T(CRITERION_INTRO_RESULTS_LONG, "Resultater i introduksjonsprogrammet", "Resultat i introduksjonsprogrammet",
      "Results of the introduction programme"),
    T(CRITERION_INTRO_RESULTS_WHY,
      "andel i arbeid eller utdanning etter programmet; skal veie mest etter de nasjonale kriteriene",
      "delen i arbeid eller utdanning etter programmet; skal vege mest etter dei nasjonale kriteria",
      "share in work or education after the programme; to weigh most under the national criteria"),
    T(WEIGHT_HEAVIEST, "veier tyngst", "veg tyngst", "weighs most"),
    T(WEIGHT_LARGE, "stor vekt", "stor vekt", "large weight"),
    T(WEIGHT_SOME, "noe vekt", "noko vekt", "some weight"),
    T(WEIGHT_SMALL, "liten vekt", "lita vekt", "small weight"),
    T(WEIGHT_NONE, "ikke brukt", "ikkje brukt", "not used"),
    T(WEIGHT_CELL, "%s, %s", "%s, %s", "%s, %s"),
    T(METHOD_SAINTE_LAGUE, "Sainte-Laguës metode", "Sainte-Laguës metode", "the Sainte-Laguë method"),
    T(METHOD_HAMILTON, "største brøks metode (Hamilton)", "største brøks metode (Hamilton)",
      "the largest remainder method (Hamilton)"),
    T(METHOD_DHONDT, "d'Hondts metode", "d'Hondts metode", "the D'Hondt method"),

    /* ---------------------------------------------------------------- the letter to IMDi */
    T(LETTER_TITLE, "%s fylkeskommune – anbefaling om bosetting av flyktninger i %d",
      "%s fylkeskommune – tilråding om busetjing av flyktningar i %d",
      "%s County Authority – recommendation on the settlement of refugees in %d"),
    T(LETTER_TO, "**Til:** Integrerings- og mangfoldsdirektoratet (IMDi)",
      "**Til:** Integrerings- og mangfaldsdirektoratet (IMDi)",
      "**To:** The Directorate of Integration and Diversity (IMDi)"),
    T(LETTER_FROM, "**Fra:** %s fylkeskommune", "**Frå:** %s fylkeskommune", "**From:** %s County Authority"),
    T(LETTER_DATE, "**Dato:** %s", "**Dato:** %s", "**Date:** %s"),
    T(LETTER_SUBJECT, "**Sak:** Anbefaling om hvor mange flyktninger kommunene i fylket bør bosette i %d",
      "**Sak:** Tilråding om kor mange flyktningar kommunane i fylket bør busetje i %d",
      "**Subject:** Recommendation on how many refugees the municipalities of the county should settle in %d"),
    T(LETTER_H_BACKGROUND, "1. Bakgrunn", "1. Bakgrunn", "1. Background"),
    T(LETTER_BACKGROUND,
      "Fylkeskommunen har etter integreringsloven § 4 ansvar for kapasitetsstyringen i "
      "bosettingsarbeidet. Innenfor rammen av de nasjonale kriteriene for bosetting skal vi vurdere og "
      "anbefale hvor mange flyktninger som bør bosettes i den enkelte kommune. Flyktninger skal "
      "bosettes der de kan komme i arbeid og få tilbud om nødvendig utdanning og kompetanseheving.",
      "Fylkeskommunen har etter integreringslova § 4 ansvar for kapasitetsstyringa i "
      "busetjingsarbeidet. Innanfor ramma av dei nasjonale kriteria for busetjing skal vi vurdere og "
      "tilrå kor mange flyktningar som bør busetjast i kvar kommune. Flyktningane skal busetjast i "
      "område der dei kan kome i arbeid og få tilbod om nødvendig utdanning og kompetanseheving.",
      "Under section 4 of the Integration Act the county authority is responsible for capacity "
      "steering in the settlement of refugees. Within the national criteria for settlement we assess "
      "and recommend how many refugees each municipality should settle. Refugees are to be settled "
      "where they can find work and get the education and training they need."),
    T(LETTER_NEED,
      "Nasjonalt utvalg for mottak og bosetting har anslått at %s flyktninger skal bosettes i %d. Av "
      "behovet er %s personer fordelt til %s, av dem %s enslige mindreårige.",
      "Nasjonalt utval for mottak og busetjing har rekna med at %s flyktningar skal busetjast i %d. Av "
      "behovet er %s personar fordelte til %s, av dei %s einslege mindreårige.",
      "The National Committee for Reception and Settlement has estimated that %s refugees are to be "
      "settled in %d. Of this need, %s persons fall to %s, of whom %s are unaccompanied minors."),
    T(LETTER_TOTAL,
      "Tallet vi fordeler for %d, er %s personer, av dem %s enslige mindreårige. Tallet er %s.",
      "Talet vi fordeler for %d, er %s personar, av dei %s einslege mindreårige. Talet er %s.",
      "The number we distribute for %d is %s persons, of whom %s are unaccompanied minors. The number is %s."),
    T(LETTER_TOTAL_FROM_IMDI, "summen av IMDis anmodninger til kommunene i fylket",
      "summen av oppmodingane frå IMDi til kommunane i fylket",
      "the sum of IMDi's requests to the municipalities of the county"),
    T(LETTER_TOTAL_GIVEN, "fastsatt av fylkeskommunen", "fastsett av fylkeskommunen",
      "set by the county authority"),
    T(LETTER_H_RECOMMENDATION, "2. Vår anbefaling", "2. Tilrådinga vår", "2. Our recommendation"),
    T(LETTER_RECOMMENDATION,
      "%s fylkeskommune anbefaler at IMDi anmoder kommunene i fylket om å bosette til sammen %s "
      "flyktninger i %d, av dem %s enslige mindreårige, fordelt slik tabellen i punkt 4 viser.",
      "%s fylkeskommune tilrår at IMDi oppmodar kommunane i fylket om å busetje til saman %s "
      "flyktningar i %d, av dei %s einslege mindreårige, fordelt slik tabellen i punkt 4 viser.",
      "%s County Authority recommends that IMDi ask the municipalities of the county to settle a total "
      "of %s refugees in %d, including %s unaccompanied minors, distributed as the table in section 4 shows."),
    T(LETTER_ASKED,
      "Vi anbefaler at %s av fylkets %s kommuner anmodes. De som ikke anmodes, står i tabellen med 0 "
      "og begrunnelsen.",
      "Vi tilrår at %s av dei %s kommunane i fylket blir oppmoda. Dei som ikkje blir oppmoda, står i "
      "tabellen med 0 og grunngjevinga.",
      "We recommend that %s of the county's %s municipalities be asked. Those not asked are shown in the "
      "table with 0 and the reason."),
    T(LETTER_PLAN,
      "Som plantall for %d foreslår vi %s personer. Plantallet per kommune er fordelt med de samme "
      "kriteriene og vektene som for %d.",
      "Som plantal for %d gjer vi framlegg om %s personar. Plantalet per kommune er fordelt med dei "
      "same kriteria og vektene som for %d.",
      "As the plan figure for %d we propose %s persons. The plan figure per municipality is "
      "distributed with the same criteria and weights as for %d."),
    T(LETTER_H_CRITERIA, "3. Kriterier og vekting", "3. Kriteria og vektene", "3. Criteria and weights"),
    T(LETTER_CRITERIA,
      "Vi har lagt de nasjonale kriteriene for bosetting til grunn: folketall, muligheter for arbeid "
      "og resultater i introduksjonsprogrammet. I tillegg legger vi vekt på hva kommunene selv har "
      "vedtatt og faktisk bosatt de siste årene, fordi det viser hvilken kapasitet de har. Slik er "
      "kriteriene vektet:",
      "Vi har lagt dei nasjonale kriteria for busetjing til grunn: folketal, moglegheiter for arbeid "
      "og resultat i introduksjonsprogrammet. I tillegg legg vi vekt på kva kommunane sjølve har "
      "vedteke og faktisk busett dei siste åra, fordi det viser kva kapasitet dei har. Slik er "
      "kriteria vekta:",
      "We have based the recommendation on the national criteria for settlement: population, "
      "opportunities for work and results in the introduction programme. We also give weight to what "
      "the municipalities themselves have decided and actually settled in recent years, because that "
      "shows their capacity. The criteria are weighted as follows:"),
    T(LETTER_COL_CRITERION, "Kriterium", "Kriterium", "Criterion"),
    T(LETTER_COL_WEIGHT, "Vekt", "Vekt", "Weight"),
    T(LETTER_COL_WHY, "Hvorfor", "Kvifor", "Why"),
    T(LETTER_METHOD,
      "Hver kommune får en andel av fylkets tall, og andelen er summen av bidragene fra kriteriene. "
      "Andelene er gjort om til hele personer med %s, innenfor hver kommunes nedre og øvre grense, "
      "slik at summen blir nøyaktig %s.",
      "Kvar kommune får ein del av talet for fylket, og delen er summen av bidraga frå kriteria. "
      "Delane er gjorde om til heile personar med %s, innanfor den nedre og den øvre grensa for kvar "
      "kommune, slik at summen blir nøyaktig %s.",
      "Each municipality gets a share of the county's number, and the share is the sum of the "
      "contributions of the criteria. The shares are turned into whole persons with %s, within each "
      "municipality's lower and upper bound, so that the sum is exactly %s."),
    T(LETTER_METHOD_MONOTONE,
      "Med denne metoden får ingen kommune et lavere tall fordi fylkets tall øker.",
      "Med denne metoden får ingen kommune eit lågare tal fordi talet for fylket aukar.",
      "With this method no municipality gets a lower number because the county's number rises."),
    T(LETTER_FITTED,
      "Vektene er tilpasset bare på tidligere år, %d–%d (%s fylkesår): det er de vektene som best ville "
      "ha truffet IMDis anmodninger i disse årene. Folketallet står for de nasjonale kriteriene "
      "(folketall, arbeidsmuligheter og resultater i introduksjonsprogrammet).",
      "Vektene er tilpassa berre på tidlegare år, %d–%d (%s fylkesår): det er dei vektene som best ville "
      "ha treft oppmodingane frå IMDi i desse åra. Folketalet står for dei nasjonale kriteria (folketal, "
      "arbeidsmoglegheiter og resultat i introduksjonsprogrammet).",
      "The weights are fitted on earlier years only, %d–%d (%s county-years): they are the weights that "
      "would have come closest to IMDi's requests in those years. Population stands for the national "
      "criteria (population, work opportunities, introduction results)."),
    T(LETTER_METHOD_MONOTONE_FITTED,
      "Med denne metoden og disse vektene får ingen kommune et lavere tall fordi fylkets tall øker. "
      "Vektene er tilpasset tallet som fordeles, fordi IMDis anmodninger for %d ennå ikke er kjent: "
      "ved et annet tall for fylket kan vektene bli andre.",
      "Med denne metoden og desse vektene får ingen kommune eit lågare tal fordi talet for fylket aukar. "
      "Vektene er tilpassa talet som blir fordelt, fordi oppmodingane frå IMDi for %d enno ikkje er "
      "kjende: med eit anna tal for fylket kan vektene bli andre.",
      "With this method and these weights no municipality gets a lower number because the county's number "
      "rises. The weights are fitted for the number distributed, since IMDi's requests for %d are not yet "
      "known: another number for the county can give other weights."),
    T(LETTER_METHOD_NOT_MONOTONE,
      "Merk: denne metoden kan gi en kommune et lavere tall når fylkets tall øker (Alabama-paradokset); "
      "kontrollen i punkt 8 viser om det skjer her.",
      "Merk: denne metoden kan gje ein kommune eit lågare tal når talet for fylket aukar "
      "(Alabama-paradokset); kontrollen i punkt 8 viser om det skjer her.",
      "Note: this method can give a municipality a lower number when the county's number rises (the "
      "Alabama paradox); the check in section 8 shows whether that happens here."),
    T(LETTER_MINIMUM,
      "Som hovedregel anmodes ingen kommune om færre enn %s personer. Kommuner med under %s innbyggere "
      "anmodes ikke, med mindre de har bosatt flyktninger de siste %s årene.",
      "Som hovudregel blir ingen kommune oppmoda om færre enn %s personar. Kommunar med under %s "
      "innbyggjarar blir ikkje oppmoda, med mindre dei har busett flyktningar dei siste %s åra.",
      "As a main rule no municipality is asked for fewer than %s persons. Municipalities with fewer "
      "than %s inhabitants are not asked unless they have settled refugees in the last %s years."),
    T(LETTER_H_TABLE, "4. Anbefalt fordeling per kommune", "4. Tilrådd fordeling per kommune",
      "4. Recommended distribution by municipality"),
    T(LETTER_COL_MUNICIPALITY, "Kommune", "Kommune", "Municipality"),
    T(LETTER_COL_RECOMMENDED, "Anbefalt %d", "Tilrådd %d", "Recommended %d"),
    T(LETTER_COL_MINORS, "Herav enslige mindreårige", "Av dei einslege mindreårige",
      "Of which unaccompanied minors"),
    T(LETTER_COL_PLAN, "Plantall %d", "Plantal %d", "Plan figure %d"),
    T(LETTER_COL_REQUEST, "Anmodning %d", "Oppmoding %d", "Request %d"),
    T(LETTER_COL_DECISION, "Vedtak %d", "Vedtak %d", "Decision %d"),
    T(LETTER_COL_SETTLED, "Bosatt %d", "Busette %d", "Settled %d"),
    T(LETTER_COL_REASON, "Begrunnelse", "Grunngjeving", "Reason"),
    T(LETTER_ROW_TOTAL, "Sum", "Sum", "Total"),
    T(LETTER_TABLE_LEGEND,
      "Anmodning, vedtak og bosatte for %d er vist til sammenligning. «:» betyr prikket (færre enn 5), "
      "«–» at kommunen ikke har gjort vedtak.",
      "Oppmoding, vedtak og busette for %d er viste til samanlikning. «:» tyder prikka (færre enn 5), "
      "«–» at kommunen ikkje har gjort vedtak.",
      "Request, decision and settled for %d are shown for comparison. “:” means suppressed (fewer than "
      "5), “–” that the municipality has made no decision."),
    T(LETTER_H_LOCAL, "5. Kommunenes egne vedtak og meldt kapasitet",
      "5. Eigne vedtak og meldt kapasitet i kommunane",
      "5. The municipalities' own decisions and stated capacities"),
    T(LETTER_LOCAL,
      "Vi har hatt dialog med kommunene om kapasitet. Der kommunestyret allerede har gjort vedtak for "
      "%d, eller kommunen har meldt kapasitet, har vi lagt det inn som grense for anbefalingen:",
      "Vi har hatt dialog med kommunane om kapasitet. Der kommunestyret alt har gjort vedtak for %d, "
      "eller kommunen har meldt kapasitet, har vi lagt det inn som grense for tilrådinga:",
      "We have been in dialogue with the municipalities about capacity. Where the council has already "
      "decided for %d, or the municipality has stated its capacity, we have entered it as a bound on "
      "the recommendation:"),
    T(LETTER_LOCAL_NONE,
      "Vi har ikke registrert vedtak eller meldt kapasitet for %d fra noen kommune.",
      "Vi har ikkje registrert vedtak eller meldt kapasitet for %d frå nokon kommune.",
      "We have recorded no decision or stated capacity for %d from any municipality."),
    T(LETTER_COL_BASIS, "Grunnlag", "Grunnlag", "Basis"),
    T(LETTER_COL_FIGURE, "Tall", "Tal", "Figure"),
    T(LETTER_COL_SOURCE, "Kilde", "Kjelde", "Source"),
    T(LETTER_COL_NOTE, "Merknad", "Merknad", "Note"),
    T(LETTER_BASIS_DECISION, "kommunestyrevedtak", "kommunestyrevedtak", "council decision"),
    T(LETTER_BASIS_CAPACITY, "meldt kapasitet", "meldt kapasitet", "stated capacity"),
    T(LETTER_BASIS_EXEMPTION, "unntak", "unntak", "exemption"),
    T(LETTER_BASIS_AGREEMENT, "avtale", "avtale", "agreement"),
    T(LETTER_H_FLAGS, "6. Avvik vi gjør oppmerksom på", "6. Avvik vi gjer merksam på",
      "6. Departures we draw attention to"),
    T(LETTER_FLAG_ABOVE_DECISION, "%s: anbefalt %s, %s flere enn kommunestyrets vedtak på %s (%s).",
      "%s: tilrådd %s, %s fleire enn vedtaket i kommunestyret på %s (%s).",
      "%s: recommended %s, %s more than the council's decision of %s (%s)."),
    T(LETTER_FLAG_BELOW_DECISION, "%s: anbefalt %s, %s færre enn kommunestyrets vedtak på %s (%s).",
      "%s: tilrådd %s, %s færre enn vedtaket i kommunestyret på %s (%s).",
      "%s: recommended %s, %s fewer than the council's decision of %s (%s)."),
    T(LETTER_FLAG_ABOVE_CAPACITY, "%s: anbefalt %s, %s over meldt kapasitet på %s (%s).",
      "%s: tilrådd %s, %s over meldt kapasitet på %s (%s).",
      "%s: recommended %s, %s above the stated capacity of %s (%s)."),
    T(LETTER_FLAG_NOT_ASKED_DECIDED, "%s: ikke anmodet, men kommunestyret har vedtatt å bosette %s (%s).",
      "%s: ikkje oppmoda, men kommunestyret har vedteke å busetje %s (%s).",
      "%s: not asked, although the council has decided to settle %s (%s)."),
    /* Issue 14: the engine's other flags (lib/settlement/local.c, regint__row_flags()). */
    T(LETTER_FLAG_BELOW_AGREEMENT, "%s: anbefalt %s, %s under avtalen om minst %s (%s).",
      "%s: tilrådd %s, %s under avtalen om minst %s (%s).",
      "%s: recommended %s, %s below the agreement of at least %s (%s)."),
    T(LETTER_FLAG_DECIDED_ZERO, "%s: anbefalt %s, selv om kommunestyret vedtok å bosette 0 i %d (%s).",
      "%s: tilrådd %s, sjølv om kommunestyret vedtok å busetje 0 i %d (%s).",
      "%s: recommended %s, although the council decided to settle 0 in %d (%s)."),
    T(LETTER_FLAGS_NONE,
      "Ingen av anbefalingene avviker fra kommunenes egne vedtak eller meldte kapasitet.",
      "Ingen av tilrådingane avvik frå vedtaka eller den melde kapasiteten i kommunane.",
      "No recommendation departs from the municipalities' own decisions or stated capacities."),
    T(LETTER_H_SCENARIOS, "7. Usikkerhet: spenn i anbefalingen", "7. Uvisse: spenn i tilrådinga",
      "7. Uncertainty: range of the recommendation"),
    T(LETTER_SCENARIOS,
      "Behovet for bosetting kan endre seg i løpet av året. Vi har derfor regnet gjennom %s varianter: "
      "fylkets tall fra %s til %s, vektene endret med inntil ±%s og %s alternative profiler. Tabellen "
      "viser det laveste tallet, medianen og det høyeste tallet hver kommune får, og hvor ofte kommunen "
      "ligger på en grense.",
      "Behovet for busetjing kan endre seg i løpet av året. Vi har difor rekna gjennom %s variantar: "
      "talet for fylket frå %s til %s, vektene endra med inntil ±%s og %s alternative profilar. "
      "Tabellen viser det lågaste talet, medianen og det høgaste talet kvar kommune får, og kor ofte "
      "kommunen ligg på ei grense.",
      "The need for settlement can change during the year. We have therefore run %s variants: the "
      "county's number from %s to %s, the weights changed by up to ±%s, and %s alternative profiles. "
      "The table shows the lowest number, the median and the highest number each municipality gets, and "
      "how often it sits on a bound."),
    /* The same without alternative profiles (not "and 0 alternative profiles"). */
    T(LETTER_SCENARIOS_NO_ALT,
      "Behovet for bosetting kan endre seg i løpet av året. Vi har derfor regnet gjennom %s varianter: "
      "fylkets tall fra %s til %s og vektene endret med inntil ±%s. Tabellen viser det laveste tallet, "
      "medianen og det høyeste tallet hver kommune får, og hvor ofte kommunen ligger på en grense.",
      "Behovet for busetjing kan endre seg i løpet av året. Vi har difor rekna gjennom %s variantar: "
      "talet for fylket frå %s til %s og vektene endra med inntil ±%s. Tabellen viser det lågaste "
      "talet, medianen og det høgaste talet kvar kommune får, og kor ofte kommunen ligg på ei grense.",
      "The need for settlement can change during the year. We have therefore run %s variants: the "
      "county's number from %s to %s and the weights changed by up to ±%s. The table shows the lowest "
      "number, the median and the highest number each municipality gets, and how often it sits on a "
      "bound."),
    T(LETTER_COL_MIN, "Lavest", "Lågast", "Lowest"),
    T(LETTER_COL_MEDIAN, "Median", "Median", "Median"),
    T(LETTER_COL_MAX, "Høyest", "Høgast", "Highest"),
    T(LETTER_COL_ON_BOUND, "På grense", "På grensa", "On a bound"),
    T(LETTER_SCENARIOS_STABLE, "%s av %s kommuner får samme tall i alle variantene.",
      "%s av %s kommunar får same tal i alle variantane.",
      "%s of %s municipalities get the same number in every variant."),
    T(LETTER_H_AUDIT, "8. Kontroll av fordelingen", "8. Kontroll av fordelinga", "8. Audit of the distribution"),
    T(LETTER_AUDIT_PASS, "Fordelingen består alle kontrollene nedenfor.",
      "Fordelinga kjem gjennom alle kontrollane nedanfor.", "The distribution passes every check below."),
    T(LETTER_AUDIT_FAIL, "Fordelingen består ikke alle kontrollene; se punktene merket «avvik».",
      "Fordelinga kjem ikkje gjennom alle kontrollane; sjå punkta merkte «avvik».",
      "The distribution does not pass every check; see the points marked “departure”."),
    T(LETTER_AUDIT_OK, "i orden", "i orden", "passed"),
    T(LETTER_AUDIT_DEPARTURE, "avvik", "avvik", "departure"),
    T(LETTER_AUDIT_INFO, "til orientering", "til orientering", "for information"),
    T(LETTER_COL_CHECK, "Kontroll", "Kontroll", "Check"),
    T(LETTER_COL_RESULT, "Resultat", "Resultat", "Result"),
    T(LETTER_AUDIT_QUOTA_OK,
      "Kvoteregelen: alle kommuner ligger mellom gulvet og taket for sin ideelle andel.",
      "Kvoteregelen: alle kommunane ligg mellom golvet og taket for den ideelle delen sin.",
      "Quota rule: every municipality lies between the floor and the ceiling of its ideal share."),
    T(LETTER_AUDIT_QUOTA_FAIL,
      "Kvoteregelen: %s kommuner ligger under gulvet eller over taket for sin ideelle andel: %s.",
      "Kvoteregelen: %s kommunar ligg under golvet eller over taket for den ideelle delen sin: %s.",
      "Quota rule: %s municipalities lie below the floor or above the ceiling of their ideal share: %s."),
    T(LETTER_AUDIT_HOUSE_OK,
      "Høyere tall for fylket: ingen kommune får færre når fylkets tall øker fra %s til %s.",
      "Høgare tal for fylket: ingen kommune får færre når talet for fylket aukar frå %s til %s.",
      "House monotonicity: no municipality gets fewer when the county's number rises from %s to %s."),
    T(LETTER_AUDIT_HOUSE_FAIL,
      "Høyere tall for fylket: %s får færre når fylkets tall øker (%s).",
      "Høgare tal for fylket: %s får færre når talet for fylket aukar (%s).",
      "House monotonicity: %s gets fewer when the county's number rises (%s)."),
    T(LETTER_AUDIT_POPULATION_OK,
      "Endret folketall: ingen kommune mister en plass til en kommune som har vokst mindre.",
      "Endra folketal: ingen kommune mistar ein plass til ein kommune som har vakse mindre.",
      "Population monotonicity: no municipality loses a place to one that has grown less."),
    T(LETTER_AUDIT_POPULATION_FAIL,
      "Endret folketall: avvik mellom %s.",
      "Endra folketal: avvik mellom %s.",
      "Population monotonicity: departure between %s."),
    T(LETTER_AUDIT_SPREAD,
      "Per 1000 innbyggere går anbefalingen fra %s (%s) til %s (%s); Gini-koeffisienten er %s.",
      "Per 1000 innbyggjarar går tilrådinga frå %s (%s) til %s (%s); Gini-koeffisienten er %s.",
      "Per 1,000 inhabitants the recommendation ranges from %s (%s) to %s (%s); the Gini coefficient is %s."),
    T(LETTER_AUDIT_BOUNDS, "Grenser som binder: %s.", "Grenser som bind: %s.", "Binding bounds: %s."),
    T(LETTER_AUDIT_LAST_YEAR,
      "Sammenlignet med IMDis anmodning for %d får %s kommuner flere, %s færre og %s like mange.",
      "Samanlikna med oppmodinga frå IMDi for %d får %s kommunar fleire, %s færre og %s like mange.",
      "Compared with IMDi's request for %d, %s municipalities get more, %s fewer and %s the same."),
    T(LETTER_AUDIT_TIES_NONE, "Ingen plass er avgjort ved likhet mellom to kommuner.",
      "Ingen plass er avgjord ved likskap mellom to kommunar.",
      "No place was decided by a tie between two municipalities."),
    T(LETTER_AUDIT_TIE, "Likhet mellom %s og %s avgjorde en plass; den gikk til %s (%s).",
      "Likskap mellom %s og %s avgjorde ein plass; han gjekk til %s (%s).",
      "A tie between %s and %s decided a place; it went to %s (%s)."),
    T(LETTER_AUDIT_FLOOR_OK,
      "Rettferdighetsgrense: ingen kommune anmodes om mer enn %s per 1000 innbyggere uten at kommunen "
      "selv har vedtatt det.",
      "Rettferdsgrense: ingen kommune blir oppmoda om meir enn %s per 1000 innbyggjarar utan at "
      "kommunen sjølv har vedteke det.",
      "Fairness floor: no municipality is asked for more than %s per 1,000 inhabitants unless it decided "
      "so itself."),
    T(LETTER_AUDIT_FLOOR_FAIL,
      "Rettferdighetsgrense: %s anmodes om mer enn %s per 1000 innbyggere uten eget vedtak.",
      "Rettferdsgrense: %s blir oppmoda om meir enn %s per 1000 innbyggjarar utan eige vedtak.",
      "Fairness floor: %s asked for more than %s per 1,000 inhabitants without a decision of its own."),
    T(LETTER_AUDIT_ALLOCATION_IMDI,
      "Fordelingen som kontrolleres, er IMDis anmodning til kommunene for %d, målt mot de ideelle "
      "andelene i anbefalingen.",
      "Fordelinga som blir kontrollert, er oppmodinga frå IMDi til kommunane for %d, målt mot dei "
      "ideelle delane i tilrådinga.",
      "The distribution checked is IMDi's request to the municipalities for %d, measured against the "
      "ideal shares of the recommendation."),
    T(LETTER_AUDIT_ALLOCATION_FILE,
      "Fordelingen som kontrolleres, er hentet fra filen %s, målt mot de ideelle andelene i "
      "anbefalingen.",
      "Fordelinga som blir kontrollert, er henta frå fila %s, målt mot dei ideelle delane i "
      "tilrådinga.",
      "The distribution checked is read from the file %s, measured against the ideal shares of the "
      "recommendation."),
    T(LETTER_H_CAVEATS, "9. Om tallgrunnlaget", "9. Om talgrunnlaget", "9. About the data"),
    T(LETTER_CAVEAT_2023,
      "Tallene for 2023 er et uttrekk fra september 2023, ikke endelige tall for året.",
      "Tala for 2023 er eit uttrekk frå september 2023, ikkje endelege tal for året.",
      "The 2023 figures are an extract from September 2023, not final figures for the year."),
    T(LETTER_CAVEAT_SUPPRESSED,
      "Celler som er prikket i IMDis statistikk (færre enn 5 personer), er regnet som 2 i beregningen "
      "og vist som «:».",
      "Celler som er prikka i statistikken frå IMDi (færre enn 5 personar), er rekna som 2 i "
      "utrekninga og viste som «:».",
      "Cells suppressed in IMDi's statistics (fewer than 5 persons) are counted as 2 in the calculation "
      "and shown as “:”."),
    T(LETTER_CAVEAT_POPULATION,
      "Folketallet er per 1. januar %d (SSB, tabell 07459), med kommuneinndelingen fra 2024.",
      "Folketalet er per 1. januar %d (SSB, tabell 07459), med kommuneinndelinga frå 2024.",
      "Population is as of 1 January %d (Statistics Norway, table 07459), in the 2024 municipal structure."),
    T(LETTER_CAVEAT_CURRENT_YEAR,
      "IMDis anmodning og kommunenes vedtak for %d er bare vist til sammenligning og er ikke brukt i "
      "beregningen.",
      "Oppmodinga frå IMDi og vedtaka i kommunane for %d er berre viste til samanlikning og er ikkje "
      "brukte i utrekninga.",
      "IMDi's request and the councils' decisions for %d are shown for comparison only and are not used "
      "in the calculation."),
    T(LETTER_CAVEAT_SOURCES,
      "Kilder: IMDi (anmodninger, vedtak og bosatte), SSB (folketall) og NAV (arbeidsledighet); se "
      "data/SOURCES.md.",
      "Kjelder: IMDi (oppmodingar, vedtak og busette), SSB (folketal) og NAV (arbeidsløyse); sjå "
      "data/SOURCES.md.",
      "Sources: IMDi (requests, decisions and settled), Statistics Norway (population) and NAV "
      "(unemployment); see data/SOURCES.md."),
    T(LETTER_CAVEAT_NOTES, "Merknader fra beregningen: %s", "Merknader frå utrekninga: %s",
      "Notes from the calculation: %s"),
    T(LETTER_CONTACT,
      "Spørsmål om anbefalingen kan rettes til fylkeskommunens rådgivere for integrering.",
      "Spørsmål om tilrådinga kan rettast til rådgivarane for integrering i fylkeskommunen.",
      "Questions about the recommendation may be directed to the county authority's integration advisers."),
    T(LETTER_GREETING, "Med vennlig hilsen", "Med venleg helsing", "Kind regards"),
    T(LETTER_SIGNATURE, "%s fylkeskommune", "%s fylkeskommune", "%s County Authority"),
    T(LETTER_GENERATED,
      "Brevet er laget med regint %s. Tallene kan kontrolleres med kommandoen `%s`.",
      "Brevet er laga med regint %s. Tala kan kontrollerast med kommandoen `%s`.",
      "This letter was produced with regint %s. The figures can be checked with the command `%s`."),

    /* ---------------------------------------------------------------- dates */
    T(DATE, "%d. %s %d", "%d. %s %d", "%d %s %d"),
    T(MONTH_1, "januar", "januar", "January"),
    T(MONTH_2, "februar", "februar", "February"),
    T(MONTH_3, "mars", "mars", "March"),
    T(MONTH_4, "april", "april", "April"),
    T(MONTH_5, "mai", "mai", "May"),
    T(MONTH_6, "juni", "juni", "June"),
    T(MONTH_7, "juli", "juli", "July"),
    T(MONTH_8, "august", "august", "August"),
    T(MONTH_9, "september", "september", "September"),
    T(MONTH_10, "oktober", "oktober", "October"),
    T(MONTH_11, "november", "november", "November"),
    T(MONTH_12, "desember", "desember", "December"),
};

#undef T

_Static_assert(sizeof table / sizeof table[0] == REGINT__MSG_COUNT,
               "every message id needs an entry in the table (the last one is missing)");

static const char *const lang_codes[REGINT_LANG_COUNT] = {"nb", "nn", "en"};

const char *regint_lang_name(regint_lang lang)
{
    return (unsigned)lang < REGINT_LANG_COUNT ? lang_codes[lang] : "unknown";
}

regint_status regint_lang_from_name(const char *name, regint_lang *out)
{
    if (!out)
        return regint__error(REGINT_EINVAL, "language from name: NULL output");
    for (int i = 0; name && i < REGINT_LANG_COUNT; i++)
        if ((name[0] | 0x20) == lang_codes[i][0] && (name[1] | 0x20) == lang_codes[i][1] && !name[2]) {
            *out = (regint_lang)i;
            return REGINT_OK;
        }
    return regint__error(REGINT_ENOTFOUND, "unknown language '%s': expected nb (bokmål), nn (nynorsk) or en (English)",
                         name ? name : "(null)");
}

const char *regint__tr(regint_lang lang, regint__msg id)
{
    if ((unsigned)id >= REGINT__MSG_COUNT)
        return "";
    if ((unsigned)lang >= REGINT_LANG_COUNT)
        lang = REGINT_LANG_EN;
    const char *s = table[id].text[lang];
    return s ? s : "";
}

const char *regint__msg_id(regint__msg id)
{
    return (unsigned)id < REGINT__MSG_COUNT && table[id].id ? table[id].id : "";
}

const char *regint__tr_sdg(regint_lang lang, int goal)
{
    return goal >= 1 && goal <= 17 ? regint__tr(lang, (regint__msg)(REGINT__MSG_SDG_1 + goal - 1)) : "";
}

const char *regint__tr_criterion(regint_lang lang, const char *id)
{
    static const struct {
        const char *id;
        regint__msg msg;
    } crit[] = {
        {"population", REGINT__MSG_CRITERION_POPULATION},
        {"decisions", REGINT__MSG_CRITERION_DECISIONS},
        {"requests", REGINT__MSG_CRITERION_REQUESTS},
        {"settled", REGINT__MSG_CRITERION_SETTLED},
        {"delivery_rate", REGINT__MSG_CRITERION_DELIVERY_RATE},
        {"secondary_inflow", REGINT__MSG_CRITERION_SECONDARY_INFLOW},
        {"unemployment", REGINT__MSG_CRITERION_UNEMPLOYMENT},
        {"intro_results", REGINT__MSG_CRITERION_INTRO_RESULTS},
        {"spread", REGINT__MSG_CRITERION_SPREAD},
        {"request_1", REGINT__MSG_CRITERION_REQUEST_1},
        {"request_3", REGINT__MSG_CRITERION_REQUEST_3},
        {"decision_1", REGINT__MSG_CRITERION_DECISION_1},
        {"settled_2", REGINT__MSG_CRITERION_SETTLED_2},
    };
    if (!id)
        return "";
    if (lang == REGINT_LANG_EN)
        return id;
    for (size_t i = 0; i < sizeof crit / sizeof crit[0]; i++)
        if (!strcmp(crit[i].id, id))
            return regint__tr(lang, crit[i].msg);
    return id;
}

const char *regint__tr_indicator(regint_lang lang, const char *id, const char *name_nb, const char *name_en)
{
    static const struct {
        const char *id;
        regint__msg msg;
    } known[] = {
        {"intro_work_education_share", REGINT__MSG_INDICATOR_INTRO_WORK_EDUCATION_SHARE},
        {"refugees_moved_here", REGINT__MSG_INDICATOR_REFUGEES_MOVED_HERE},
        {"refugees_settled_here", REGINT__MSG_INDICATOR_REFUGEES_SETTLED_HERE},
        {"unemployment_share", REGINT__MSG_INDICATOR_UNEMPLOYMENT_SHARE},
    };
    for (size_t i = 0; id && i < sizeof known / sizeof known[0]; i++)
        if (strcmp(id, known[i].id) == 0)
            return regint__tr(lang, known[i].msg);
    const char *f = lang == REGINT_LANG_EN ? name_en : name_nb;
    return f ? f : "";
}

/* One conversion of a printf format at `f` ('%' first): its length, and in *kind 's' for a
 * text, 'n' for a number, '%' for "%%". */
static size_t conversion(const char *f, char *kind)
{
    size_t i = 1;
    while (f[i] && strchr("-+ #0123456789.lhzjt", f[i]))
        i++;
    *kind = f[i] == 's' ? 's' : f[i] == '%' ? '%' : 'n';
    return f[i] ? i + 1 : i;
}

#define TR_BACK_ARGS 8

/* Does `s` match the format `f` to its end? Arguments are recorded as [start, end) pairs. A
 * number is a run of digits, '-', '.'; a text is as short as the rest allows (backtracking). */
static int match_format(const char *f, const char *s, const char **arg, size_t na)
{
    while (*f && *f != '%') {
        if (*f++ != *s++)
            return 0;
    }
    if (!*f)
        return !*s;
    char kind;
    size_t cl = conversion(f, &kind);
    if (kind == '%')
        return *s == '%' && match_format(f + cl, s + 1, arg, na);
    if (na >= TR_BACK_ARGS)
        return 0;
    arg[2 * na] = s;
    if (kind == 'n') {
        /* a sign only in front, a point only between digits: "2013-2025" is two numbers and
         * the point ending a sentence is not part of one */
        const char *e = s + (*s == '-');
        while ((*e >= '0' && *e <= '9') || (*e == '.' && e[1] >= '0' && e[1] <= '9'))
            e++;
        arg[2 * na + 1] = e;
        return e > s && match_format(f + cl, e, arg, na + 1);
    }
    for (const char *e = s;; e++) {
        arg[2 * na + 1] = e;
        if (match_format(f + cl, e, arg, na + 1))
            return 1;
        if (!*e)
            return 0;
    }
}

regint__msg regint__tr_back(regint_lang lang, regint__msg first, regint__msg last, const char *en, char *buf,
                            size_t size)
{
    const char *arg[2 * TR_BACK_ARGS];
    for (int id = (int)first; en && id <= (int)last && id < REGINT__MSG_COUNT; id++) {
        memset(arg, 0, sizeof arg);
        if (!match_format(regint__tr(REGINT_LANG_EN, (regint__msg)id), en, arg, 0))
            continue;
        /* The same conversions in the same order in every language (test_i18n checks). */
        size_t o = 0, na = 0;
        for (const char *f = regint__tr(lang, (regint__msg)id); *f && o + 1 < size;) {
            if (*f != '%') {
                buf[o++] = *f++;
                continue;
            }
            char kind;
            size_t cl = conversion(f, &kind);
            f += cl;
            if (kind == '%') {
                buf[o++] = '%';
                continue;
            }
            for (const char *a = arg[2 * na]; a && a < arg[2 * na + 1] && o + 1 < size; a++)
                buf[o++] = *a;
            na++;
        }
        if (size)
            buf[o] = '\0';
        return (regint__msg)id;
    }
    if (size)
        snprintf(buf, size, "%s", en ? en : "");
    return REGINT__MSG_COUNT;
}

/* Numbers as a reader of the language expects them: nb/nn "12 345,6" (no-break space, decimal
 * comma, Språkrådet), en "12,345.6". Percent: nb/nn "7,6 %" (space before %), en "7.6%". */
static void put_number(regint_lang lang, double v, int decimals, char *buf, size_t size)
{
    char tmp[64];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    snprintf(tmp, sizeof tmp, "%.*f", decimals, fabs(v));
    const char *thousands = lang == REGINT_LANG_EN ? "," : "\xC2\xA0";
    char point = lang == REGINT_LANG_EN ? '.' : ',';
    char *dot = strchr(tmp, '.');
    size_t ilen = dot ? (size_t)(dot - tmp) : strlen(tmp);
    size_t o = 0;
    /* "-0,0" is printed as "0,0". */
    int neg = v < 0 && strspn(tmp, "0.") != strlen(tmp);
    if (size == 0)
        return;
    if (neg && o + 1 < size)
        buf[o++] = '-';
    for (size_t i = 0; i < ilen; i++) {
        /* Grouped from four digits on, as report.c's fmt_num() does today ("1 080"). */
        if (i && (ilen - i) % 3 == 0) {
            size_t tl = strlen(thousands);
            if (o + tl + 1 >= size)
                break;
            memcpy(buf + o, thousands, tl);
            o += tl;
        }
        if (o + 1 >= size)
            break;
        buf[o++] = tmp[i];
    }
    if (dot && o + 1 < size) {
        buf[o++] = point;
        for (const char *c = dot + 1; *c && o + 1 < size; c++)
            buf[o++] = *c;
    }
    buf[o] = '\0';
}

const char *regint__i18n_number(regint_lang lang, double v, int decimals, char *buf, size_t size)
{
    put_number(lang, v, decimals, buf, size);
    return buf;
}

/* Like regint__i18n_number() without thousands separators: "1234,6" / "1234.6". For texts
 * whose English must stay byte-identical to a former "%.1f" (the quota in reasons). */
const char *regint__i18n_decimal(regint_lang lang, double v, int decimals, char *buf, size_t size)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    snprintf(buf, size, "%.*f", decimals, v);
    if (lang != REGINT_LANG_EN) {
        char *dot = strchr(buf, '.');
        if (dot)
            *dot = ',';
    }
    return buf;
}

const char *regint__i18n_percent(regint_lang lang, double share, int decimals, char *buf, size_t size)
{
    put_number(lang, 100.0 * share, decimals, buf, size);
    size_t l = strlen(buf);
    snprintf(buf + l, size > l ? size - l : 0, "%s", lang == REGINT_LANG_EN ? "%" : "\xC2\xA0%");
    return buf;
}

const char *regint__i18n_date(regint_lang lang, int year, int month, int day, char *buf, size_t size)
{
    if (month < 1 || month > 12) {
        snprintf(buf, size, "%d", year);
        return buf;
    }
    snprintf(buf, size, regint__tr(lang, REGINT__MSG_DATE), day,
             regint__tr(lang, (regint__msg)(REGINT__MSG_MONTH_1 + month - 1)), year);
    return buf;
}
