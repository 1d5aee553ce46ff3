/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>

#include "cw-report-private.h"

/*
 * What the report says, in order, whatever the format: the group and the
 * year, the totals, then each case. The writers draw these blocks; none of
 * them decides what goes in.
 */

static void
block_free (CwReportBlock *block)
{
  g_free (block->label);
  g_free (block->text);
  g_free (block->detail);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static CwReportBlock *
add (GPtrArray         *outline,
     CwReportBlockKind  kind,
     const char        *label,
     const char        *text)
{
  CwReportBlock *block = g_new0 (CwReportBlock, 1);

  block->kind = kind;
  block->label = label != NULL ? cw_report_clean_text (label) : NULL;
  block->text = text != NULL ? cw_report_clean_text (text) : NULL;
  g_ptr_array_add (outline, block);
  return block;
}

static void
add_field (GPtrArray  *outline,
           const char *label,
           const char *text)
{
  if (text != NULL && *text != '\0')
    add (outline, CW_REPORT_BLOCK_FIELD, label, text);
}

static CwReportBlock *
add_table (GPtrArray *outline,
           guint      numeric,
           ...)
{
  CwReportBlock *block = add (outline, CW_REPORT_BLOCK_TABLE, NULL, NULL);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  const char *cell;
  va_list args;

  va_start (args, numeric);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (header, cell);
  va_end (args);

  block->numeric = numeric;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (block->rows, g_strv_builder_end (header));
  return block;
}

/* Takes the cells, which must already be clean. */
static void
add_row (CwReportBlock *table,
         ...)
{
  GPtrArray *row = g_ptr_array_new ();
  char *cell;
  va_list args;

  va_start (args, table);
  while ((cell = va_arg (args, char *)) != NULL)
    g_ptr_array_add (row, cell);
  va_end (args);

  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (row, FALSE));
}

gboolean
cw_report_block_is_numeric (const CwReportBlock *block,
                            guint                column)
{
  return column < 32 && (block->numeric & (1u << column)) != 0;
}

/* The activities of the year, added up by kind */

static void
add_tallies (GPtrArray  *outline,
             GArray     *tallies,
             const char *none)
{
  CwReportBlock *table;

  if (tallies->len == 0)
    {
      add (outline, CW_REPORT_BLOCK_NOTE, NULL, none);
      return;
    }

  table = add_table (outline, 0x6, _("Activity"), _("Times"), _("Count"), NULL);
  for (guint i = 0; i < tallies->len; i++)
    {
      CwReportTally *tally = &g_array_index (tallies, CwReportTally, i);

      add_row (table, g_strdup (cw_report_activity_label (tally->kind)),
               g_strdup_printf ("%u", tally->times),
               tally->counted ? cw_report_count_text (tally->count) : g_strdup ("–"),
               NULL);
    }
}

/* The report's head */

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_head (GPtrArray *outline,
          CwReport  *report)
{
  g_autofree char *title = cw_report_title (report);
  g_autofree char *year = g_strdup_printf ("%u", report->year);
  g_autofree char *holders = join_names (report->holders);
  g_autofree char *made = cw_report_date_text (report->made);

  add (outline, CW_REPORT_BLOCK_TITLE, NULL, title);
  add_field (outline, _("Group"), report->profile->name);
  add_field (outline, _("Group number"), report->profile->number);
  add_field (outline, _("Year"), year);
  add_field (outline, _("Casefile holders"), holders);
  add_field (outline, _("Made on"), made);
  if (report->include_private)
    add (outline, CW_REPORT_BLOCK_NOTE, NULL,
         _("This report includes the group’s private timeline entries: "
           "check them before it leaves the group."));
}

static void
add_totals (GPtrArray *outline,
            CwReport  *report)
{
  g_autofree char *cases = NULL;
  g_autofree char *none = g_strdup_printf (_("No activities recorded in %u."), report->year);
  g_autofree char *outcomes = g_strdup_printf ("%u", report->n_outcomes);
  g_autofree char *updates = g_strdup_printf ("%u", report->n_updates);
  g_autofree char *entries = g_strdup_printf ("%u", report->n_entries);

  if (report->n_closed > 0)
    /* Translators: "3 (1 closed in 2025)" */
    cases = g_strdup_printf (_("%u (%u closed in %u)"), report->cases->len, report->n_closed,
                             report->year);
  else
    cases = g_strdup_printf ("%u", report->cases->len);

  add (outline, CW_REPORT_BLOCK_SECTION, NULL, _("All cases"));
  add_field (outline, _("Cases"), cases);
  add_field (outline, _("Outcomes"), outcomes);
  add_field (outline, _("Updates"), updates);
  add_field (outline, _("Timeline entries"), entries);
  if (report->cases->len > 0)
    add_tallies (outline, report->totals, none);
  if (report->totals->len > 0)
    add (outline, CW_REPORT_BLOCK_NOTE, NULL,
         _("Times is how many times an activity was logged; Count adds up the numbers "
           "logged with them: letters or cards sent, signatures collected, people who came."));
}

/* One case */

static char *
entry_title (CwReport *report,
             CwEntry  *entry)
{
  if (report->include_private && cw_entry_get_private (entry))
    /* Translators: an entry's title, marked as the group's private entry */
    return g_strdup_printf (_("%s (private)"), cw_entry_get_title (entry));
  return g_strdup (cw_entry_get_title (entry));
}

static void
add_items (GPtrArray       *outline,
           CwReport        *report,
           CwReportCase    *rc,
           CwEntryCategory  category)
{
  gboolean any = FALSE;

  for (guint i = 0; i < rc->entries->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (rc->entries, i);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      CwReportBlock *item;

      if (cw_entry_get_category (entry) != category)
        continue;

      date = cw_report_date_text (cw_entry_get_date (entry));
      title = entry_title (report, entry);
      item = add (outline, CW_REPORT_BLOCK_ITEM, date, title);
      if (cw_entry_get_notes (entry) != NULL && *cw_entry_get_notes (entry) != '\0')
        item->detail = cw_report_clean_text (cw_entry_get_notes (entry));
      any = TRUE;
    }

  if (!any)
    add (outline, CW_REPORT_BLOCK_NOTE, NULL, _("None recorded."));
}

static void
add_entries (GPtrArray    *outline,
             CwReport     *report,
             CwReportCase *rc)
{
  CwReportBlock *table;

  if (rc->entries->len == 0)
    {
      add (outline, CW_REPORT_BLOCK_NOTE, NULL, _("None recorded."));
      return;
    }

  table = add_table (outline, 0x4, _("Date"), _("Kind"), _("Count"), _("Entry"), NULL);
  for (guint i = 0; i < rc->entries->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (rc->entries, i);
      g_autofree char *title = entry_title (report, entry);

      add_row (table, cw_report_date_text (cw_entry_get_date (entry)),
               g_strdup (cw_report_kind_label (cw_entry_get_category (entry),
                                               cw_entry_get_kind (entry))),
               cw_entry_get_count (entry) >= 0 ? cw_report_count_text (cw_entry_get_count (entry))
                                               : g_strdup (""),
               cw_report_clean_text (title),
               NULL);
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
add_words (GPtrArray  *outline,
           const char *heading,
           const char *text)
{
  add (outline, CW_REPORT_BLOCK_HEADING, NULL, heading);
  if (!is_blank (text))
    add (outline, CW_REPORT_BLOCK_PARAGRAPHS, NULL, text);
  else
    add (outline, CW_REPORT_BLOCK_NOTE, NULL, _("Not written."));
}

static char *
references_text (CwCase *kase)
{
  GPtrArray *references = cw_case_get_references (kase);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < references->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, ((CwReference *) g_ptr_array_index (references, i))->value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_case_head (GPtrArray    *outline,
               CwReport     *report,
               CwReportCase *rc,
               guint         number)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", number, cw_case_get_title (rc->kase));
  g_autofree char *references = references_text (rc->kase);
  g_autofree char *status = cw_report_status_text (rc);
  g_autofree char *status_label = g_strdup_printf (_("Status at the end of %u"), report->year);
  g_autofree char *holders = join_names (rc->holders);
  const char *country = cw_case_get_country_name (rc->kase);

  add (outline, CW_REPORT_BLOCK_SECTION, NULL, title);
  add_field (outline, _("References"), references);
  add_field (outline, _("Country"), country != NULL && *country != '\0'
                                    ? country : cw_case_get_country_code (rc->kase));
  add_field (outline, _("Type"), cw_case_type_to_label (cw_case_get_case_type (rc->kase)));
  add_field (outline, status_label, status);
  add_field (outline, _("Casefile holders"), holders);
}

static void
add_case (GPtrArray    *outline,
          CwReport     *report,
          CwReportCase *rc,
          guint         number)
{
  g_autofree char *none = g_strdup_printf (_("No activities recorded in %u."), report->year);
  g_autofree char *all = g_strdup_printf (_("All entries in %u"), report->year);

  add_case_head (outline, report, rc, number);
  add (outline, CW_REPORT_BLOCK_HEADING, NULL, _("Activities"));
  add_tallies (outline, rc->tallies, none);
  add (outline, CW_REPORT_BLOCK_HEADING, NULL, _("Outcomes"));
  add_items (outline, report, rc, CW_ENTRY_CATEGORY_OUTCOME);
  add (outline, CW_REPORT_BLOCK_HEADING, NULL, _("Updates"));
  add_items (outline, report, rc, CW_ENTRY_CATEGORY_UPDATE);
  add_words (outline, _("How the year went"), rc->how_it_went);
  add_words (outline, _("Plans for next year"), rc->next_steps);
  add (outline, CW_REPORT_BLOCK_HEADING, NULL, all);
  add_entries (outline, report, rc);
}

/**
 * cw_report_outline_n_parts:
 *
 * Returns: how many parts cw_report_outline_part() gives: the report's
 *   head and totals, then one for each case
 */
guint
cw_report_outline_n_parts (CwReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return 1 + report->cases->len;
}

/**
 * cw_report_outline_part:
 * @part: 0 for the report's head and totals, then 1 for the first case, ...
 *
 * What one part of the report says, block by block. A writer takes the
 * parts in order, one at a time, so a report of many cases never holds
 * the text of them all at once.
 *
 * Returns: (transfer container) (element-type CwReportBlock): the part's
 *   blocks
 */
GPtrArray *
cw_report_outline_part (CwReport *report,
                        guint     part)
{
  GPtrArray *outline = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  g_return_val_if_fail (report != NULL, outline);
  g_return_val_if_fail (part < cw_report_outline_n_parts (report), outline);

  if (part > 0)
    {
      add_case (outline, report, g_ptr_array_index (report->cases, part - 1), part);
      return outline;
    }

  add_head (outline, report);
  add_totals (outline, report);
  if (report->cases->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No case was open in %u."), report->year);

      add (outline, CW_REPORT_BLOCK_NOTE, NULL, none);
    }
  return outline;
}
