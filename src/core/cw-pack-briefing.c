/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-meeting-pack"

#include <glib/gi18n-lib.h>

#include "cw-meeting-pack-private.h"

/* One page per case for the holder to read out: who, what happened, what
 * we ask, what to be careful about, by when, and which letters are in the
 * pack. It is the group's own page, in the user's language, and it holds
 * the safety notes: it is not handed out. A long summary is cut short so
 * the rest still fits on the page. */

#define HEADING_SIZE 10.5
#define TEXT_SIZE 10.0

typedef struct {
  PangoLayout *heading;
  PangoLayout *text;
  gboolean is_summary;
} Section;

static void
section_clear (Section *section)
{
  g_clear_object (&section->heading);
  g_clear_object (&section->text);
}

static PangoLayout *
text_layout (CwMeetingPack *self,
             const char    *font,
             double         size,
             const char    *text)
{
  PangoLayout *layout = cw_meeting_pack_layout (self, NULL, font, size,
                                                cw_meeting_pack_content_width (self),
                                                CW_PACK_ALIGN_START, text);

  pango_layout_set_line_spacing (layout, 1.1);
  return layout;
}

static void
add_section (CwMeetingPack *self,
             GArray        *sections,
             const char    *heading,
             const char    *text,
             gboolean       is_summary)
{
  Section section = { NULL };

  if (text == NULL || *text == '\0')
    return;
  section.heading = text_layout (self, "Sans Bold", HEADING_SIZE, heading);
  section.text = text_layout (self, "Sans", TEXT_SIZE, text);
  section.is_summary = is_summary;
  g_array_append_val (sections, section);
}

static void
append_item (GString    *text,
             const char *item)
{
  if (item == NULL || *item == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, "• %s", item);
}

static void
append_part (GString    *line,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (line->len > 0)
    g_string_append (line, "; ");
  if (label != NULL)
    g_string_append_printf (line, "%s %s", label, value);
  else
    g_string_append (line, value);
}

static char *
describe_person (const CwPerson *person)
{
  GString *line = g_string_new (person->name);

  if (person->pronouns != NULL)
    g_string_append_printf (line, " (%s)", person->pronouns);
  if (person->occupation != NULL)
    g_string_append_printf (line, ", %s", person->occupation);
  if (person->role != NULL && g_strcmp0 (person->role, "subject") != 0)
    g_string_append_printf (line, " — %s", person->role);
  if (person->notes != NULL)
    g_string_append_printf (line, ". %s", person->notes);
  return g_string_free (line, FALSE);
}

static char *
describe_detention (CwCase *kase)
{
  CwDetention *detention = cw_case_get_detention (kase);
  g_autofree char *arrested = NULL;
  GString *line;

  if (detention == NULL)
    return NULL;

  line = g_string_new (NULL);
  arrested = detention->arrested != NULL ? cw_date_iso_format_display (detention->arrested) : NULL;
  append_part (line, _("Held at"), detention->place);
  append_part (line, _("arrested"), arrested);
  append_part (line, _("charges:"), detention->charges);
  append_part (line, _("sentence:"), detention->sentence);
  append_part (line, _("health:"), detention->health);
  return g_string_free (line, line->len == 0);
}

static char *
describe_who (CwCase *kase)
{
  GPtrArray *people = cw_case_get_people (kase);
  g_autofree char *detention = describe_detention (kase);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *person = describe_person (g_ptr_array_index (people, i));

      append_item (text, person);
    }
  append_item (text, detention);
  return g_string_free (text, FALSE);
}

static char *
describe_asks (CwCase *kase)
{
  GPtrArray *actions = cw_case_get_recommended_actions (kase);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    append_item (text, g_ptr_array_index (actions, i));
  return g_string_free (text, FALSE);
}

static const char *
setting_label (const char *value)
{
  if (g_strcmp0 (value, "allowed") == 0)
    return _("allowed");
  if (g_strcmp0 (value, "restricted") == 0)
    return _("restricted");
  if (g_strcmp0 (value, "forbidden") == 0)
    return _("forbidden");
  return _("not stated");
}

static char *
describe_safety (CwCase *kase)
{
  GPtrArray *notes = cw_case_get_safety_notes (kase);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Public action: %s. Solidarity mail: %s."),
                          setting_label (cw_case_get_public_action (kase)),
                          setting_label (cw_case_get_solidarity (kase)));
  for (guint i = 0; i < notes->len; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", (const char *) g_ptr_array_index (notes, i));
    }
  return g_string_free (text, FALSE);
}

static char *
describe_deadline (CwCase       *kase,
                   const CwDate *meeting)
{
  const char *iso = cw_case_get_ua_deadline (kase);
  g_autofree char *shown = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;
  CwDate deadline;
  int days;

  if (cw_case_get_case_type (kase) != CW_CASE_TYPE_URGENT_ACTION || iso == NULL ||
      !cw_date_parse (iso, &deadline, NULL))
    return NULL;

  shown = cw_date_format_display (&deadline);
  if (deadline.precision != CW_DATE_PRECISION_DAY)
    return g_strdup_printf (_("Send by %s."), shown);

  from = g_date_new_dmy (meeting->day, meeting->month, meeting->year);
  to = g_date_new_dmy (deadline.day, deadline.month, deadline.year);
  days = g_date_days_between (from, to);
  if (days < 0)
    return g_strdup_printf (_("The deadline, %s, has passed."), shown);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Send by %s: %d day after the meeting.",
                                       "Send by %s: %d days after the meeting.", days),
                          shown, days);
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "copy") == 0)
    return _("Copy to a representative");
  if (g_strcmp0 (role, "solidarity") == 0)
    return _("Solidarity message");
  return _("Appeal");
}

static char *
describe_letters (CwMeetingPack    *self,
                  const CwPackCase *pack_case)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pack_case->letters->len; i++)
    {
      CwLetter *letter = g_ptr_array_index (pack_case->letters, i);
      const char *language = cw_letter_language_get_name (cw_letter_language_lookup (letter->language));
      g_autofree char *item = g_strdup_printf (_("%s to %s, in %s"), role_label (letter->role),
                                               letter->recipient[0] != NULL ? letter->recipient[0] : "",
                                               language);

      append_item (text, item);
      if (letter->note != NULL)
        g_string_append_printf (text, "\n   %s", letter->note);
    }
  if (text->len == 0)
    g_string_append (text, _("No letters: the case has no targets of the roles chosen."));
  else
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "One copy of each.",
                                                 "%u copies of each, one per member.",
                                                 self->copies), self->copies);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_facts (CwCase *kase)
{
  GString *line = g_string_new (cw_case_type_to_label (cw_case_get_case_type (kase)));
  GPtrArray *references = cw_case_get_references (kase);
  const char *country = cw_case_get_country_name (kase);

  if (cw_case_get_ua_number (kase) != NULL)
    g_string_append_printf (line, " %s", cw_case_get_ua_number (kase));
  if (country != NULL && *country != '\0')
    g_string_append_printf (line, " · %s", country);
  for (guint i = 0; i < references->len; i++)
    {
      CwReference *reference = g_ptr_array_index (references, i);

      if (g_strcmp0 (reference->value, cw_case_get_ua_number (kase)) != 0)
        g_string_append_printf (line, " · %s", reference->value);
    }
  return g_string_free (line, FALSE);
}

static void
add_title (CwMeetingPack *self,
           CwCase        *kase)
{
  CwPageFlow *flow = self->flow;
  g_autofree char *date = cw_date_format_display (&self->date);
  g_autofree char *top = g_strdup_printf (_("Meeting of %s · Briefing for the group: not to "
                                            "be handed out"), date);
  g_autofree char *facts = describe_facts (kase);
  g_autoptr(PangoLayout) top_line = text_layout (self, "Sans", 8, top);
  g_autoptr(PangoLayout) title = text_layout (self, "Sans Bold", 18, cw_case_get_title (kase));
  g_autoptr(PangoLayout) facts_line = text_layout (self, "Sans", TEXT_SIZE, facts);

  cw_pack_layout_set_grey (top_line, 0.4);
  cw_page_flow_add (flow, top_line, CW_PACK_MARGIN_X, TRUE);
  cw_page_flow_set_y (flow, cw_page_flow_get_y (flow) + 10);
  cw_page_flow_add_clipped (flow, title, CW_PACK_MARGIN_X, cw_page_flow_get_bottom (flow));
  cw_page_flow_set_y (flow, cw_page_flow_get_y (flow) + 2);
  cw_page_flow_add_clipped (flow, facts_line, CW_PACK_MARGIN_X, cw_page_flow_get_bottom (flow));
  cw_page_flow_set_y (flow, cw_page_flow_get_y (flow) + 6);
  cw_page_flow_rule (flow, CW_PACK_MARGIN_X, CW_PACK_MARGIN_X + cw_meeting_pack_content_width (self),
                     cw_page_flow_get_y (flow), 0.6);
}

#define HEADING_GAP 14.0
#define TEXT_GAP 3.0

static double
section_height (const Section *section)
{
  return HEADING_GAP + cw_layout_height (section->heading) + TEXT_GAP +
         (section->is_summary ? 0 : cw_layout_height (section->text));
}

static void
place_sections (CwMeetingPack *self,
                GArray        *sections)
{
  CwPageFlow *flow = self->flow;
  double bottom = cw_page_flow_get_bottom (flow);
  double others = 0;

  for (guint i = 0; i < sections->len; i++)
    others += section_height (&g_array_index (sections, Section, i));

  for (guint i = 0; i < sections->len; i++)
    {
      Section *section = &g_array_index (sections, Section, i);
      double y;

      others -= section_height (section);
      cw_page_flow_set_y (flow, cw_page_flow_get_y (flow) + HEADING_GAP);
      cw_page_flow_add_clipped (flow, section->heading, CW_PACK_MARGIN_X, bottom);
      y = cw_page_flow_get_y (flow) + TEXT_GAP;
      cw_page_flow_set_y (flow, y);
      /* The summary leaves room for what comes after it. */
      cw_page_flow_add_clipped (flow, section->text, CW_PACK_MARGIN_X,
                                section->is_summary ? bottom - others : bottom);
    }
}

void
cw_pack_add_briefing (CwMeetingPack    *self,
                      const CwPackCase *pack_case)
{
  CwCase *kase = pack_case->kase;
  g_autoptr(GArray) sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_autofree char *who = describe_who (kase);
  g_autofree char *asks = describe_asks (kase);
  g_autofree char *safety = describe_safety (kase);
  g_autofree char *deadline = describe_deadline (kase, &self->date);
  g_autofree char *letters = describe_letters (self, pack_case);

  g_array_set_clear_func (sections, (GDestroyNotify) section_clear);
  cw_page_flow_new_page (self->flow);
  add_title (self, kase);

  add_section (self, sections, _("Who"), who, FALSE);
  add_section (self, sections, _("What happened"), cw_case_get_summary (kase), TRUE);
  add_section (self, sections, _("What we ask"), asks, FALSE);
  add_section (self, sections, _("Safety"), safety, FALSE);
  add_section (self, sections, _("Deadline"), deadline, FALSE);
  add_section (self, sections, _("Letters in this pack"), letters, FALSE);
  place_sections (self, sections);
}
