/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-page"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-case-page-private.h"
#include "cw-date.h"
#include "cw-tooltip.h"

/*
 * How one widget edits one field of the case: an entry row, a text view
 * or a combo, each told what the field holds (a date, a country code, free
 * text, ...) and where it lives (a property of the case, a member of a
 * person or target, a string in a list).
 *
 * Text that does not make a valid value is never stored: the widget keeps
 * it, shows the "error" style and says why in its tooltip, and the case
 * keeps its last good value, so a save never fails on it.
 */

typedef enum {
  WIDGET_ENTRY,
  WIDGET_TEXT,
  WIDGET_CHOICE,
} WidgetKind;

typedef struct {
  CwCasePage *page;               /* not a reference: the page outlives its widgets */
  WidgetKind widget_kind;
  CwFieldKind kind;
  CwSlot slot;
  const CwChoice *choices;
  AdwEntryRow *date_row;          /* CW_FIELD_DATE: the row, and the date as */
  GtkWidget *date_label;          /* people read it (owned) */
  char *hint;                     /* the tooltip when all is well */
  char *error;                    /* why the text shown is not stored */
  gboolean unsaved;               /* stored in the case, not yet in the database */
  GtkWidget *row;                 /* the list row to retitle on a change */
  CwFieldNotify notify;
  gpointer notify_item;
} CwField;

#define FIELD_KEY "cw-case-page-field"

static CwField *
get_field (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), FIELD_KEY);
}

static void
field_free (gpointer data)
{
  CwField *field = data;

  g_clear_object (&field->date_label);
  g_free (field->hint);
  g_free (field->error);
  g_free (field);
}

/* Checking and normalising text */

static gboolean
language_is_valid (const char *tag)
{
  g_auto(GStrv) parts = g_strsplit (tag, "-", -1);
  gsize len = strlen (parts[0]);

  if (len < 2 || len > 8)
    return FALSE;
  for (guint i = 0; i < len; i++)
    if (!g_ascii_isalpha (parts[0][i]))
      return FALSE;

  for (guint p = 1; parts[p] != NULL; p++)
    {
      len = strlen (parts[p]);
      if (len < 1 || len > 8)
        return FALSE;
      for (guint i = 0; i < len; i++)
        if (!g_ascii_isalnum (parts[p][i]))
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_number (const char *text)
{
  gsize len = strlen (text);

  if (len > 9)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_text (CwFieldKind   kind,
            const char   *text,
            GError      **error)
{
  CwDate date;

  switch (kind)
    {
    case CW_FIELD_DATE:
      return cw_date_parse (text, &date, error);
    case CW_FIELD_COUNTRY:
      if (strlen (text) == 2 && g_ascii_isalpha (text[0]) && g_ascii_isalpha (text[1]))
        return TRUE;
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("Write the country as two letters, such as “CO”"));
      return FALSE;
    case CW_FIELD_LANGUAGE:
      if (language_is_valid (text))
        return TRUE;
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is not a language code such as “en”, “es” or “pt-BR”"), text);
      return FALSE;
    case CW_FIELD_NUMBER:
      if (is_number (text))
        return TRUE;
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("Write a whole number, such as 2"));
      return FALSE;
    case CW_FIELD_TEXT:
    case CW_FIELD_TITLE:
    case CW_FIELD_WORDS:
    case CW_FIELD_LINES:
    default:
      return TRUE;
    }
}

/* Turns what someone typed into the value to store: NULL for nothing. */
static gboolean
normalize (CwFieldKind   kind,
           const char   *text,
           char        **value,
           GError      **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  *value = NULL;
  if (*stripped == '\0')
    {
      if (kind != CW_FIELD_TITLE)
        return TRUE;
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("A case needs a title"));
      return FALSE;
    }

  if (!check_text (kind, stripped, error))
    return FALSE;

  *value = kind == CW_FIELD_COUNTRY ? g_ascii_strup (stripped, -1) : g_steal_pointer (&stripped);
  return TRUE;
}

/* Lists held as text */

static char *
join_list (GPtrArray  *list,
           const char *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? separator : "",
                            (const char *) g_ptr_array_index (list, i));
  return list->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Splits @text at @separators, dropping blank pieces. */
static GPtrArray *
split_text (const char *text,
            const char *separators)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", separators, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (pieces, g_strdup (parts[i]));
    }
  return pieces;
}

static GStrv
lines_from_text (const char *text)
{
  g_autoptr(GPtrArray) lines = split_text (text, "\n");

  if (lines->len == 0)
    return NULL;
  g_ptr_array_set_free_func (lines, NULL);
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

static void
set_themes (CwCase     *kase,
            const char *text)
{
  GPtrArray *themes = cw_case_get_themes (kase);
  g_autoptr(GPtrArray) words = split_text (text, ",");

  g_ptr_array_set_size (themes, 0);
  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (themes, g_strdup (g_ptr_array_index (words, i)));
}

/* A case's properties as text: enums by their nick, numbers in digits. */

static char *
get_property_text (CwCase     *kase,
                   const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (kase), name);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (kase), name, &value);

  if (G_VALUE_HOLDS_ENUM (&value))
    return g_strdup (cw_enum_to_nick (pspec->value_type, g_value_get_enum (&value)));
  if (G_VALUE_HOLDS_UINT (&value))
    return g_value_get_uint (&value) > 0 ? g_strdup_printf ("%u", g_value_get_uint (&value)) : NULL;
  return g_value_dup_string (&value);
}

static void
set_property_text (CwCase     *kase,
                   const char *name,
                   const char *text)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (kase), name);
  int nick_value;

  g_assert (pspec != NULL);

  if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      if (text != NULL && cw_enum_from_nick (pspec->value_type, text, &nick_value))
        g_object_set (kase, name, nick_value, NULL);
    }
  else if (pspec->value_type == G_TYPE_UINT)
    g_object_set (kase, name, (guint) (text != NULL ? g_ascii_strtoull (text, NULL, 10) : 0), NULL);
  else
    g_object_set (kase, name, text, NULL);
}

/* Slots */

/* The struct that holds a slot's member; a missing detention or
 * coordinator is made when @create. */
static gpointer
slot_struct (CwCase       *kase,
             const CwSlot *slot,
             gboolean      create)
{
  switch (slot->owner)
    {
    case CW_SLOT_DETENTION:
      if (create && cw_case_get_detention (kase) == NULL)
        cw_case_set_detention (kase, cw_detention_new ());
      return cw_case_get_detention (kase);
    case CW_SLOT_COORDINATOR:
      if (create && cw_case_get_coordinator (kase) == NULL)
        cw_case_set_coordinator (kase, cw_contact_new (NULL));
      return cw_case_get_coordinator (kase);
    case CW_SLOT_STRUCT:
      return slot->item;
    case CW_SLOT_CASE:
    case CW_SLOT_THEMES:
    case CW_SLOT_STRING:
    default:
      g_assert_not_reached ();
    }
}

static char *
slot_get (CwField *field)
{
  CwCase *kase = field->page->kase;
  const CwSlot *slot = &field->slot;
  gpointer base;

  if (kase == NULL)
    return NULL;

  switch (slot->owner)
    {
    case CW_SLOT_CASE:
      return get_property_text (kase, slot->property);
    case CW_SLOT_THEMES:
      return join_list (cw_case_get_themes (kase), ", ");
    case CW_SLOT_STRING:
      return g_strdup (g_ptr_array_index (slot->list, slot->index));
    case CW_SLOT_DETENTION:
    case CW_SLOT_COORDINATOR:
    case CW_SLOT_STRUCT:
    default:
      base = slot_struct (kase, slot, FALSE);
      if (base == NULL)
        return NULL;
      if (field->kind != CW_FIELD_LINES)
        return g_strdup (G_STRUCT_MEMBER (char *, base, slot->offset));
      if (G_STRUCT_MEMBER (GStrv, base, slot->offset) == NULL)
        return NULL;
      return g_strjoinv ("\n", G_STRUCT_MEMBER (GStrv, base, slot->offset));
    }
}

static void
set_member (CwField    *field,
            gpointer    base,
            const char *value)
{
  if (field->kind == CW_FIELD_LINES)
    {
      GStrv *lines = G_STRUCT_MEMBER_P (base, field->slot.offset);

      g_strfreev (*lines);
      *lines = lines_from_text (value);
    }
  else
    {
      char **text = G_STRUCT_MEMBER_P (base, field->slot.offset);

      g_free (*text);
      *text = g_strdup (value);
    }
}

static void
slot_set (CwField    *field,
          const char *value)
{
  CwCase *kase = field->page->kase;
  const CwSlot *slot = &field->slot;
  gpointer base;

  switch (slot->owner)
    {
    case CW_SLOT_CASE:
      set_property_text (kase, slot->property, value);
      break;
    case CW_SLOT_THEMES:
      set_themes (kase, value);
      break;
    case CW_SLOT_STRING:
      /* a list of strings holds no NULLs */
      g_free (g_ptr_array_index (slot->list, slot->index));
      g_ptr_array_index (slot->list, slot->index) = g_strdup (value != NULL ? value : "");
      break;
    case CW_SLOT_DETENTION:
    case CW_SLOT_COORDINATOR:
    case CW_SLOT_STRUCT:
    default:
      base = slot_struct (kase, slot, value != NULL);
      if (base != NULL)
        set_member (field, base, value);
    }
}

/* Showing the state of a field */

static void
show_error (CwField    *field,
            GtkWidget  *widget,
            const char *message)
{
  g_free (field->error);
  field->error = g_strdup (message);

  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  cw_widget_set_tooltip_text (widget, message != NULL ? message : field->hint);
}

static void
show_date (CwField    *field,
           const char *value)
{
  g_autofree char *display = NULL;
  GtkWidget *parent;
  gboolean shown;

  if (field->date_label == NULL)
    return;
  display = value != NULL ? cw_date_iso_format_display (value) : NULL;
  gtk_label_set_text (GTK_LABEL (field->date_label), display != NULL ? display : "");

  /* "2025" needs no "2025" beside it. Out of the row rather than hidden,
   * so that the row's pencil lines up with the others. */
  shown = display != NULL && g_strcmp0 (display, value) != 0;
  parent = gtk_widget_get_parent (field->date_label);
  if (shown && parent == NULL)
    adw_entry_row_add_suffix (field->date_row, field->date_label);
  else if (!shown && parent != NULL)
    adw_entry_row_remove (field->date_row, field->date_label);
}

static guint
choice_index (const CwChoice *choices,
              const char     *nick)
{
  for (guint i = 0; choices[i].label != NULL; i++)
    if (g_strcmp0 (choices[i].nick, nick) == 0)
      return i;
  return 0;
}

/* Editing
 *
 * A choice is stored as soon as it is made. Typed text is stored when the
 * typing pauses (cw_case_page_commit_fields()), so that what the field
 * passes through on the way, empty or half a date, never replaces the
 * value kept. */

static char *
widget_text (GtkWidget *widget,
             CwField   *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint selected = GTK_INVALID_LIST_POSITION;

  switch (field->widget_kind)
    {
    case WIDGET_ENTRY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
    case WIDGET_TEXT:
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    case WIDGET_CHOICE:
    default:
      g_object_get (widget, "selected", &selected, NULL);
      if (selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      return g_strdup (field->choices[selected].nick);
    }
}

/* Stores what @widget shows, or marks it with the reason it cannot be. */
static void
commit (GtkWidget *widget)
{
  CwField *field = get_field (widget);
  g_autofree char *text = widget_text (widget, field);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  if (!normalize (field->kind, text, &value, &error))
    {
      show_error (field, widget, error->message);
      show_date (field, NULL);
      return;
    }

  show_error (field, widget, NULL);
  show_date (field, value);
  slot_set (field, value);
  field->unsaved = TRUE;
  if (field->notify != NULL)
    field->notify (field->row, field->notify_item);
}

static void
text_changed (GtkWidget *widget)
{
  CwField *field = get_field (widget);
  CwCasePage *self = field->page;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  if (self->loading > 0 || self->kase == NULL)
    return;

  /* Put right, a field loses its mark at once; a mistake is marked only
   * when the typing pauses. */
  text = widget_text (widget, field);
  if (normalize (field->kind, text, &value, NULL))
    {
      show_error (field, widget, NULL);
      show_date (field, value);
    }
  else
    show_date (field, NULL);

  if (!g_ptr_array_find (self->pending_fields, widget, NULL))
    g_ptr_array_add (self->pending_fields, g_object_ref (widget));
  cw_case_page_edited (self);
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     user_data)
{
  text_changed (GTK_WIDGET (editable));
}

static void
buffer_changed_cb (GtkTextView   *view,
                   GtkTextBuffer *buffer)
{
  text_changed (GTK_WIDGET (view));
}

static void
selected_cb (GtkWidget  *combo,
             GParamSpec *pspec,
             gpointer    user_data)
{
  CwField *field = get_field (combo);

  if (field->page->loading > 0 || field->page->kase == NULL)
    return;

  commit (combo);
  cw_case_page_edited (field->page);
}

/**
 * cw_case_page_commit_fields:
 *
 * Stores the text typed since the last time into the case (not yet into
 * the store), and marks the fields whose text cannot be stored.
 */
void
cw_case_page_commit_fields (CwCasePage *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending_fields);

  self->pending_fields = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->kase == NULL)
    return;

  for (guint i = 0; i < pending->len; i++)
    commit (g_ptr_array_index (pending, i));
}

/* Binding */

static CwField *
field_new (CwCasePage   *self,
           GtkWidget    *widget,
           WidgetKind    widget_kind,
           CwFieldKind   kind,
           const CwSlot *slot)
{
  CwField *field = g_new0 (CwField, 1);

  field->page = self;
  field->widget_kind = widget_kind;
  field->kind = kind;
  field->slot = *slot;
  g_object_set_data_full (G_OBJECT (widget), FIELD_KEY, field, field_free);
  return field;
}

/* What to type, said in the tooltip of a field that expects a form. */
static const char *
kind_hint (CwFieldKind kind)
{
  switch (kind)
    {
    case CW_FIELD_DATE:
      return _("A year, a month or a day: 2025, 2025-03 or 2025-03-07");
    case CW_FIELD_COUNTRY:
      return _("Two letters, such as CO for Colombia");
    case CW_FIELD_LANGUAGE:
      return _("A language code such as en, es or pt-BR");
    case CW_FIELD_WORDS:
      return _("Words separated by commas");
    case CW_FIELD_TEXT:
    case CW_FIELD_TITLE:
    case CW_FIELD_NUMBER:
    case CW_FIELD_LINES:
    default:
      return NULL;
    }
}

static void
add_date_label (CwField     *field,
                AdwEntryRow *row)
{
  field->date_row = row;
  field->date_label = g_object_ref_sink (gtk_label_new (NULL));
  gtk_widget_add_css_class (field->date_label, "dim-label");
}

void
cw_case_page_bind_entry (CwCasePage   *self,
                         AdwEntryRow  *row,
                         CwFieldKind   kind,
                         const CwSlot *slot)
{
  CwField *field;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  field = field_new (self, GTK_WIDGET (row), WIDGET_ENTRY, kind, slot);
  field->hint = g_strdup (kind_hint (kind));
  cw_widget_set_tooltip_text (GTK_WIDGET (row), field->hint);
  if (kind == CW_FIELD_DATE)
    add_date_label (field, row);
  else if (kind == CW_FIELD_NUMBER)
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_DIGITS);

  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
  cw_case_page_load_field (self, GTK_WIDGET (row));
}

void
cw_case_page_bind_text (CwCasePage   *self,
                        GtkTextView  *view,
                        CwFieldKind   kind,
                        const CwSlot *slot)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  field_new (self, GTK_WIDGET (view), WIDGET_TEXT, kind, slot);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                           G_CALLBACK (buffer_changed_cb), view, G_CONNECT_SWAPPED);
  cw_case_page_load_field (self, GTK_WIDGET (view));
}

/**
 * cw_case_page_bind_choice:
 * @combo: an #AdwComboRow or a #GtkDropDown
 * @choices: (array): static; ends with a %NULL label
 */
void
cw_case_page_bind_choice (CwCasePage     *self,
                          GtkWidget      *combo,
                          const CwChoice *choices,
                          const CwSlot   *slot)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  CwField *field;

  g_return_if_fail (ADW_IS_COMBO_ROW (combo) || GTK_IS_DROP_DOWN (combo));

  field = field_new (self, combo, WIDGET_CHOICE, CW_FIELD_TEXT, slot);
  field->choices = choices;
  for (guint i = 0; choices[i].label != NULL; i++)
    gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, choices[i].label));
  g_object_set (combo, "model", labels, NULL);

  g_signal_connect (combo, "notify::selected", G_CALLBACK (selected_cb), NULL);
  cw_case_page_load_field (self, combo);
}

/**
 * cw_case_page_field_set_notify:
 * @row: the list row @field is part of
 * @notify: called with @row and @item after @field changed the item
 */
void
cw_case_page_field_set_notify (GtkWidget     *widget,
                               GtkWidget     *row,
                               CwFieldNotify  notify,
                               gpointer       item)
{
  CwField *field = get_field (widget);

  g_return_if_fail (field != NULL);

  field->row = row;
  field->notify = notify;
  field->notify_item = item;
}

/* Shows what the case holds now in a bound widget, as it was not typed. */
void
cw_case_page_load_field (CwCasePage *self,
                         GtkWidget  *widget)
{
  CwField *field = get_field (widget);
  g_autofree char *value = NULL;
  GtkTextBuffer *buffer;

  g_return_if_fail (field != NULL);

  value = slot_get (field);
  self->loading++;
  switch (field->widget_kind)
    {
    case WIDGET_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (widget), value != NULL ? value : "");
      break;
    case WIDGET_TEXT:
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
      gtk_text_buffer_end_irreversible_action (buffer);
      break;
    case WIDGET_CHOICE:
    default:
      g_object_set (widget, "selected", choice_index (field->choices, value), NULL);
    }
  self->loading--;

  field->unsaved = FALSE;
  show_error (field, widget, NULL);
  show_date (field, value);
}

/**
 * cw_case_page_find_field_error:
 * @widget: where to look, with its descendants
 *
 * Returns: (transfer full) (nullable): "Field: why", for the first field
 *   whose text could not be stored
 */
char *
cw_case_page_find_field_error (GtkWidget *widget)
{
  CwField *field = get_field (widget);

  if (field != NULL && field->error != NULL)
    {
      if (ADW_IS_PREFERENCES_ROW (widget))
        return g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                field->error);
      return g_strdup (field->error);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = cw_case_page_find_field_error (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * cw_case_page_mark_unsaved_fields:
 * @widget: where to look, with its descendants
 * @problem: (nullable): why the case could not be saved, or %NULL once it
 *   was
 *
 * Marks the fields changed since the case was last saved with the
 * "error" style and @problem in their tooltip, so that whoever typed
 * there sees that it is not saved yet; their text stays as typed. With
 * %NULL, takes the marks away again.
 */
void
cw_case_page_mark_unsaved_fields (GtkWidget  *widget,
                                  const char *problem)
{
  CwField *field = get_field (widget);

  if (field != NULL && field->unsaved && field->error == NULL)
    {
      if (problem != NULL)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      cw_widget_set_tooltip_text (widget, problem != NULL ? problem : field->hint);
    }
  if (field != NULL && problem == NULL)
    field->unsaved = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cw_case_page_mark_unsaved_fields (child, problem);
}

static void
set_field_editable (GtkWidget *widget,
                    CwField   *field,
                    gboolean   editable)
{
  switch (field->widget_kind)
    {
    case WIDGET_ENTRY:
      gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
      break;
    case WIDGET_TEXT:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), editable);
      break;
    case WIDGET_CHOICE:
    default:
      gtk_widget_set_sensitive (widget, editable);
    }
}

/* Makes every bound field in @widget editable or read-only, and every list
 * editor in it able or not to add, move and remove. */
void
cw_case_page_set_fields_editable (GtkWidget *widget,
                                  gboolean   editable)
{
  CwField *field = get_field (widget);

  if (field != NULL)
    set_field_editable (widget, field, editable);
  if (CW_IS_LIST_EDITOR (widget))
    cw_list_editor_set_editable (CW_LIST_EDITOR (widget), editable);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cw_case_page_set_fields_editable (child, editable);
}
