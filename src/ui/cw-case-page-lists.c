/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-page"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-case-page-private.h"
#include "cw-date.h"
#include "cw-tooltip.h"

/*
 * The rows of the case's lists: safety notes, references, people, holders,
 * targets, recommended actions and model letters. Each list is a
 * CwListEditor over the case's own array; the functions here make one row
 * for one item, with a field for each of its members.
 */

static const CwChoice person_roles[] = {
  { NULL, N_("Not set") },
  { "subject", N_("Person at risk") },
  { "family", N_("Family") },
  { "lawyer", N_("Lawyer") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const CwChoice target_roles[] = {
  { NULL, N_("Not set") },
  { "appeal", N_("Appeal") },
  { "copy", N_("Copy") },
  { "solidarity", N_("Solidarity") },
  { NULL, NULL },
};

static const CwChoice reference_schemes[] = {
  { NULL, N_("Other") },
  { "ai-index", N_("AI index") },
  { "ua", N_("UA") },
  { "internal", N_("Internal") },
  { NULL, NULL },
};

static const char *
choice_label (const CwChoice *choices,
              const char     *nick)
{
  if (nick == NULL)
    return NULL;
  for (guint i = 0; choices[i].label != NULL; i++)
    if (g_strcmp0 (choices[i].nick, nick) == 0)
      return g_dgettext (GETTEXT_PACKAGE, choices[i].label);
  return nick;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Adds @part to a subtitle made of parts, unless it is blank. */
static void
append_part (GString    *text,
             const char *part)
{
  if (!is_blank (part))
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", part);
}

static void
set_heading (GtkWidget  *row,
             const char *title,
             const char *fallback,
             GString    *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), !is_blank (title) ? title : fallback);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
}

/* Making a row's fields */

typedef struct {
  CwCasePage *page;
  GtkWidget *row;           /* an AdwExpanderRow */
  gpointer item;
  CwFieldNotify describe;
} RowBuilder;

static GtkWidget *
new_expander (RowBuilder *b,
              GtkWidget  *menu_button)
{
  b->row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (b->row), FALSE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (b->row), menu_button);
  b->describe (b->row, b->item);
  return b->row;
}

static void
add_field (RowBuilder *b,
           GtkWidget  *field,
           GtkWidget  *row)
{
  cw_case_page_field_set_notify (field, b->row, b->describe, b->item);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (b->row), row);
}

static void
add_entry (RowBuilder   *b,
           const char   *title,
           CwFieldKind   kind,
           gsize         offset)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  cw_case_page_bind_entry (b->page, ADW_ENTRY_ROW (row), kind,
                           &(CwSlot) { .owner = CW_SLOT_STRUCT, .item = b->item, .offset = offset });
  add_field (b, row, row);
}

static void
add_text (RowBuilder   *b,
          const char   *title,
          CwFieldKind   kind,
          gsize         offset)
{
  GtkWidget *row = cw_text_row_new (title);
  GtkTextView *view = cw_text_row_get_view (CW_TEXT_ROW (row));

  cw_case_page_bind_text (b->page, view, kind,
                          &(CwSlot) { .owner = CW_SLOT_STRUCT, .item = b->item, .offset = offset });
  add_field (b, GTK_WIDGET (view), row);
}

static void
add_choice (RowBuilder     *b,
            const char     *title,
            const CwChoice *choices,
            gsize           offset)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  cw_case_page_bind_choice (b->page, row, choices,
                            &(CwSlot) { .owner = CW_SLOT_STRUCT, .item = b->item, .offset = offset });
  add_field (b, row, row);
}

static GtkWidget *
finish_row (RowBuilder *b)
{
  cw_case_page_set_fields_editable (b->row, !cw_store_get_read_only (b->page->store));
  return b->row;
}

/* Lists of strings: safety notes, recommended actions */

static gpointer
new_string (CwListEditor *editor,
            gpointer      user_data)
{
  return g_strdup ("");
}

static GtkWidget *
string_row (CwCasePage   *self,
            CwListEditor *editor,
            guint         position,
            GtkWidget    *menu_button,
            const char   *title)
{
  GtkWidget *row = cw_text_row_new (title);
  GtkTextView *view = cw_text_row_get_view (CW_TEXT_ROW (row));

  cw_text_row_add_suffix (CW_TEXT_ROW (row), menu_button);
  cw_case_page_bind_text (self, view, CW_FIELD_TEXT,
                          CW_STRING_SLOT (cw_list_editor_get_items (editor), position));
  cw_case_page_set_fields_editable (row, !cw_store_get_read_only (self->store));
  return row;
}

static GtkWidget *
note_row (CwListEditor *editor,
          guint         position,
          GtkWidget    *menu_button,
          gpointer      user_data)
{
  return string_row (user_data, editor, position, menu_button, _("Note"));
}

static GtkWidget *
action_row (CwListEditor *editor,
            guint         position,
            GtkWidget    *menu_button,
            gpointer      user_data)
{
  return string_row (user_data, editor, position, menu_button, _("Action"));
}

/* References: a value, and the scheme it belongs to */

static gpointer
new_reference (CwListEditor *editor,
               gpointer      user_data)
{
  return cw_reference_new (NULL, NULL);
}

static GtkWidget *
reference_row (CwListEditor *editor,
               guint         position,
               GtkWidget    *menu_button,
               gpointer      user_data)
{
  CwCasePage *self = user_data;
  CwReference *reference = g_ptr_array_index (cw_list_editor_get_items (editor), position);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *scheme = gtk_drop_down_new (NULL, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Reference"));
  gtk_widget_set_valign (scheme, GTK_ALIGN_CENTER);
  cw_widget_set_tooltip_text (scheme, _("Kind of Reference"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), scheme);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), menu_button);

  cw_case_page_bind_entry (self, ADW_ENTRY_ROW (row), CW_FIELD_TEXT,
                           CW_ITEM_SLOT (reference, CwReference, value));
  cw_case_page_bind_choice (self, scheme, reference_schemes,
                            CW_ITEM_SLOT (reference, CwReference, scheme));
  cw_case_page_set_fields_editable (row, !cw_store_get_read_only (self->store));
  return row;
}

/* People */

static gpointer
new_person (CwListEditor *editor,
            gpointer      user_data)
{
  return cw_person_new ();
}

static void
describe_person (GtkWidget *row,
                 gpointer   item)
{
  CwPerson *person = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  append_part (subtitle, choice_label (person_roles, person->role));
  append_part (subtitle, person->occupation);
  set_heading (row, person->name, _("Unnamed person"), subtitle);
}

static GtkWidget *
person_row (CwListEditor *editor,
            guint         position,
            GtkWidget    *menu_button,
            gpointer      user_data)
{
  RowBuilder b = { user_data, NULL, g_ptr_array_index (cw_list_editor_get_items (editor), position),
                   describe_person };

  new_expander (&b, menu_button);
  add_entry (&b, _("Name"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwPerson, name));
  add_choice (&b, _("Role"), person_roles, G_STRUCT_OFFSET (CwPerson, role));
  add_entry (&b, _("Other Names"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwPerson, other_names));
  add_entry (&b, _("Pronouns"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwPerson, pronouns));
  add_entry (&b, _("Gender"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwPerson, gender));
  add_entry (&b, _("Born"), CW_FIELD_DATE, G_STRUCT_OFFSET (CwPerson, born));
  add_entry (&b, _("Occupation"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwPerson, occupation));
  add_text (&b, _("Notes"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwPerson, notes));
  return finish_row (&b);
}

/* Casefile holders, with the dates they held the case */

static gpointer
new_contact (CwListEditor *editor,
             gpointer      user_data)
{
  return cw_contact_new (NULL);
}

static char *
describe_period (const char *from,
                 const char *to)
{
  g_autofree char *start = from != NULL ? cw_date_iso_format_display (from) : NULL;
  g_autofree char *end = to != NULL ? cw_date_iso_format_display (to) : NULL;

  if (start != NULL && end != NULL)
    /* Translators: the time someone held a case, as in "March 2024 – 5 May 2025" */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    return g_strdup_printf (_("Since %s"), start);
  if (end != NULL)
    return g_strdup_printf (_("Until %s"), end);
  return NULL;
}

static void
describe_holder (GtkWidget *row,
                 gpointer   item)
{
  CwContact *holder = item;
  g_autofree char *period = describe_period (holder->from, holder->to);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  append_part (subtitle, period);
  append_part (subtitle, holder->role);
  /* A casefile cannot carry a holder without one. */
  if (holder->from == NULL)
    append_part (subtitle, _("no start date yet"));

  set_heading (row, holder->name, _("Unnamed holder"), subtitle);
}

static void
add_contact_fields (RowBuilder *b)
{
  add_entry (b, _("Name"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwContact, name));
  add_entry (b, _("Role"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwContact, role));
  add_entry (b, _("Organisation"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwContact, organisation));
  add_entry (b, _("Email"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwContact, email));
  add_entry (b, _("Phone"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwContact, phone));
}

static GtkWidget *
holder_row (CwListEditor *editor,
            guint         position,
            GtkWidget    *menu_button,
            gpointer      user_data)
{
  RowBuilder b = { user_data, NULL, g_ptr_array_index (cw_list_editor_get_items (editor), position),
                   describe_holder };

  new_expander (&b, menu_button);
  add_contact_fields (&b);
  add_entry (&b, _("From"), CW_FIELD_DATE, G_STRUCT_OFFSET (CwContact, from));
  add_entry (&b, _("Until"), CW_FIELD_DATE, G_STRUCT_OFFSET (CwContact, to));
  add_text (&b, _("Address"), CW_FIELD_LINES, G_STRUCT_OFFSET (CwContact, address));
  add_text (&b, _("Notes"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwContact, notes));
  return finish_row (&b);
}

/* Targets of letters */

static gpointer
new_target (CwListEditor *editor,
            gpointer      user_data)
{
  return cw_target_new ();
}

static void
describe_target (GtkWidget *row,
                 gpointer   item)
{
  CwTarget *target = item;
  const char *heading = !is_blank (target->title) ? target->title
                      : !is_blank (target->name) ? target->name
                      : target->organisation;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  append_part (subtitle, choice_label (target_roles, target->role));
  append_part (subtitle, target->language);
  /* Who holds the title, when the title is the heading. */
  if (heading == target->title)
    append_part (subtitle, !is_blank (target->name) ? target->name : target->organisation);
  /* No letter, and no casefile, can do without them. */
  if (target->address == NULL)
    append_part (subtitle, _("no address yet"));
  if (is_blank (target->salutation))
    append_part (subtitle, _("no salutation yet"));

  set_heading (row, heading, _("New target"), subtitle);
}

static GtkWidget *
target_row (CwListEditor *editor,
            guint         position,
            GtkWidget    *menu_button,
            gpointer      user_data)
{
  RowBuilder b = { user_data, NULL, g_ptr_array_index (cw_list_editor_get_items (editor), position),
                   describe_target };

  new_expander (&b, menu_button);
  add_choice (&b, _("Role"), target_roles, G_STRUCT_OFFSET (CwTarget, role));
  add_entry (&b, _("Language"), CW_FIELD_LANGUAGE,
             G_STRUCT_OFFSET (CwTarget, language));
  add_entry (&b, _("Title"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwTarget, title));
  add_entry (&b, _("Name"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwTarget, name));
  add_entry (&b, _("Organisation"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwTarget, organisation));
  add_text (&b, _("Address"), CW_FIELD_LINES, G_STRUCT_OFFSET (CwTarget, address));
  add_entry (&b, _("Email"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwTarget, email));
  add_entry (&b, _("Salutation"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwTarget, salutation));
  return finish_row (&b);
}

/* Model letters */

static gpointer
new_letter (CwListEditor *editor,
            gpointer      user_data)
{
  return cw_model_letter_new (NULL, NULL);
}

/* The start of a letter, enough to tell it from another. */
static char *
excerpt (const char *body)
{
  g_autofree char *line = NULL;
  const char *end;

  if (is_blank (body))
    return NULL;
  end = strchr (body, '\n');
  line = end != NULL ? g_strndup (body, end - body) : g_strdup (body);
  if (g_utf8_strlen (line, -1) <= 60)
    return g_steal_pointer (&line);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (line, 60) - line), line);
}

static void
describe_letter (GtkWidget *row,
                 gpointer   item)
{
  CwModelLetter *letter = item;
  g_autofree char *start = excerpt (letter->body);
  g_autoptr(GString) subtitle = g_string_new (letter->language);

  set_heading (row, start, _("New model letter"), subtitle);
}

static GtkWidget *
letter_row (CwListEditor *editor,
            guint         position,
            GtkWidget    *menu_button,
            gpointer      user_data)
{
  RowBuilder b = { user_data, NULL, g_ptr_array_index (cw_list_editor_get_items (editor), position),
                   describe_letter };

  new_expander (&b, menu_button);
  add_entry (&b, _("Language"), CW_FIELD_LANGUAGE,
             G_STRUCT_OFFSET (CwModelLetter, language));
  add_text (&b, _("Letter"), CW_FIELD_TEXT, G_STRUCT_OFFSET (CwModelLetter, body));
  return finish_row (&b);
}

/* The lists as a whole */

static void
list_changing_cb (CwCasePage   *self,
                  CwListEditor *editor)
{
  cw_case_page_commit_fields (self);
}

static void
list_changed_cb (CwCasePage   *self,
                 CwListEditor *editor)
{
  cw_case_page_edited (self);
}

static void
setup (CwCasePage           *self,
       CwListEditor         *editor,
       CwListEditorRowFunc   create_row,
       CwListEditorItemFunc  new_item)
{
  cw_list_editor_set_functions (editor, create_row, new_item, self);
  g_signal_connect_object (editor, "changing", G_CALLBACK (list_changing_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "changed", G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
}

void
cw_case_page_lists_init (CwCasePage *self)
{
  setup (self, self->notes_editor, note_row, new_string);
  setup (self, self->references_editor, reference_row, new_reference);
  setup (self, self->people_editor, person_row, new_person);
  setup (self, self->holders_editor, holder_row, new_contact);
  setup (self, self->targets_editor, target_row, new_target);
  setup (self, self->actions_editor, action_row, new_string);
  setup (self, self->letters_editor, letter_row, new_letter);
}

/* Shows the lists of the page's case, or none. */
void
cw_case_page_lists_load (CwCasePage *self)
{
  CwCase *kase = self->kase;

  cw_list_editor_set_items (self->notes_editor, kase ? cw_case_get_safety_notes (kase) : NULL);
  cw_list_editor_set_items (self->references_editor, kase ? cw_case_get_references (kase) : NULL);
  cw_list_editor_set_items (self->people_editor, kase ? cw_case_get_people (kase) : NULL);
  cw_list_editor_set_items (self->holders_editor, kase ? cw_case_get_holders (kase) : NULL);
  cw_list_editor_set_items (self->targets_editor, kase ? cw_case_get_targets (kase) : NULL);
  cw_list_editor_set_items (self->actions_editor,
                            kase ? cw_case_get_recommended_actions (kase) : NULL);
  cw_list_editor_set_items (self->letters_editor, kase ? cw_case_get_model_letters (kase) : NULL);
}
