/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-report-private.h"

/* The words the report puts around the group's data: names of kinds and
 * statuses, dates and numbers as people read them. */

typedef struct {
  const char *kind;
  const char *total;    /* in the table of activities added up */
  const char *entry;    /* one entry of that kind, in the list of entries */
} ActivityWords;

static const ActivityWords activities[] = {
  { "letter", N_("Letters"), N_("Letters") },
  { "email", N_("Emails"), N_("Emails") },
  { "card", N_("Cards"), N_("Cards") },
  { "petition", N_("Petitions"), N_("Petition") },
  { "stall", N_("Stalls"), N_("Stall") },
  { "demonstration", N_("Demonstrations"), N_("Demonstration") },
  { "vigil", N_("Vigils"), N_("Vigil") },
  { "media", N_("Media work"), N_("Media") },
  { "social-media", N_("Social media"), N_("Social media") },
  { "meeting", N_("Meetings"), N_("Meeting") },
  { "phone-call", N_("Phone calls"), N_("Phone call") },
  { "event", N_("Events"), N_("Event") },
  { "other", N_("Other activities"), N_("Other activity") },
};

typedef struct {
  const char *kind;
  const char *label;
} KindWords;

static const KindWords outcomes[] = {
  { "reply", N_("Reply") },
  { "release", N_("Release") },
  { "trial", N_("Trial") },
  { "verdict", N_("Verdict") },
  { "sentence", N_("Sentence") },
  { "charges-dropped", N_("Charges dropped") },
  { "transfer", N_("Transfer") },
  { "visit", N_("Visit") },
  { "health", N_("Health") },
  { "detention", N_("Detention") },
  { "other", N_("Other outcome") },
};

static const KindWords updates[] = {
  { "coordinator-update", N_("Coordinator update") },
  { "casefile-update", N_("Casefile update") },
  { "urgent-action", N_("Urgent action") },
  { "follow-up", N_("Follow-up") },
  { "other", N_("Other update") },
};

static const KindWords closings[] = {
  { "released", N_("released") },
  { "resolved", N_("resolved") },
  { "relinquished", N_("relinquished") },
  { "ended", N_("ended") },
};

static const char *
find_words (const KindWords *words,
            gsize            n_words,
            const char      *kind)
{
  for (gsize i = 0; i < n_words; i++)
    if (g_strcmp0 (words[i].kind, kind) == 0)
      return _(words[i].label);
  return NULL;
}

/* An activity kind in the table that adds them up: "Letters". */
const char *
cw_report_activity_label (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (activities); i++)
    if (g_strcmp0 (activities[i].kind, kind) == 0)
      return _(activities[i].total);
  return _("Other activities");
}

/* The kind of one entry: "Letters", "Reply", "Coordinator update". */
const char *
cw_report_kind_label (CwEntryCategory  category,
                      const char      *kind)
{
  const char *label = NULL;

  switch (category)
    {
    case CW_ENTRY_CATEGORY_OUTCOME:
      label = find_words (outcomes, G_N_ELEMENTS (outcomes), kind);
      return label != NULL ? label : _("Outcome");
    case CW_ENTRY_CATEGORY_UPDATE:
      label = find_words (updates, G_N_ELEMENTS (updates), kind);
      return label != NULL ? label : _("Update");
    case CW_ENTRY_CATEGORY_ACTIVITY:
    default:
      for (gsize i = 0; i < G_N_ELEMENTS (activities); i++)
        if (g_strcmp0 (activities[i].kind, kind) == 0)
          return _(activities[i].entry);
      return _("Activity");
    }
}

/* "Opened later, on 2 March 2026", for a case picked for a year before
 * it was opened. */
static char *
opened_later_text (CwCase *kase)
{
  const char *opened = cw_case_get_opened (kase);
  g_autofree char *when = NULL;
  CwDate date;

  if (opened == NULL || !cw_date_parse (opened, &date, NULL))
    return g_strdup (_("Opened later"));
  when = cw_report_date_text (opened);
  return date.precision == CW_DATE_PRECISION_DAY
    /* Translators: the status at the end of a year of a case opened after
     * it: "Opened later, on 2 March 2026" */
    ? g_strdup_printf (_("Opened later, on %s"), when)
    /* Translators: "Opened later, in March 2026", "Opened later, in 2026" */
    : g_strdup_printf (_("Opened later, in %s"), when);
}

/* "Active", or "Closed on 14 June 2025 (released)", or for a partial
 * date "Closed in June 2025 (released)". */
char *
cw_report_status_text (CwReportCase *rc)
{
  const char *outcome;
  const char *closed;
  g_autofree char *when = NULL;
  gboolean on_day = FALSE;
  CwDate date;

  if (rc->opened_later)
    return opened_later_text (rc->kase);
  if (rc->status != CW_CASE_STATUS_CLOSED)
    return g_strdup (cw_case_status_to_label (rc->status));

  outcome = find_words (closings, G_N_ELEMENTS (closings), cw_case_get_closed_outcome (rc->kase));
  closed = cw_case_get_closed (rc->kase);
  if (closed != NULL && cw_date_parse (closed, &date, NULL))
    {
      when = cw_report_date_text (closed);
      on_day = date.precision == CW_DATE_PRECISION_DAY;
    }

  if (when != NULL && outcome != NULL)
    return on_day
      /* Translators: a case's status: "Closed on 14 June 2025 (released)" */
      ? g_strdup_printf (_("Closed on %s (%s)"), when, outcome)
      /* Translators: a case's status, closed on a date known to the month
       * or the year: "Closed in June 2025 (released)" */
      : g_strdup_printf (_("Closed in %s (%s)"), when, outcome);
  if (when != NULL)
    return on_day ? g_strdup_printf (_("Closed on %s"), when)
                  /* Translators: "Closed in June 2025", "Closed in 2025" */
                  : g_strdup_printf (_("Closed in %s"), when);
  if (outcome != NULL)
    /* Translators: a case's status: "Closed (released)" */
    return g_strdup_printf (_("Closed (%s)"), outcome);
  return g_strdup (_("Closed"));
}

char *
cw_report_count_text (gint64 count)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, count);
}

/* A date at its own precision: "7 March 2025", "March 2025", "2025". */
char *
cw_report_date_text (const char *iso)
{
  return cw_date_iso_format_display (iso);
}

/* Text as the report can show it anywhere: valid UTF-8, "\n" line ends,
 * no control characters that XML or a terminal would choke on, and none
 * that would reorder it. */
char *
cw_report_clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (clean, '\n');
        }
      else if (c == '\t')
        g_string_append_c (clean, ' ');
      /* The bidi embeddings, overrides and isolates: in a case's text they
       * could show it in an order it was not written in. */
      else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      else if (c == '\n' || (c >= 0x20 && (c < 0x7f || c > 0x9f) && c != 0xFFFE && c != 0xFFFF))
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

/* The paragraphs of a text, split at blank lines, each trimmed. */
GStrv
cw_report_split_paragraphs (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);

  for (guint i = 0; ; i++)
    {
      g_autofree char *line = lines[i] != NULL ? g_strstrip (g_strdup (lines[i])) : NULL;

      if (line == NULL || *line == '\0')
        {
          if (paragraph->len > 0)
            g_strv_builder_add (builder, paragraph->str);
          g_string_truncate (paragraph, 0);
          if (line == NULL)
            break;
          continue;
        }
      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append (paragraph, line);
    }
  return g_strv_builder_end (builder);
}
