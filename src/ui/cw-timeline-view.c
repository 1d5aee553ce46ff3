/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-timeline-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cw-entry-list.h"
#include "cw-timeline-view.h"
#include "cw-tooltip.h"

/*
 * A case's timeline: a short form to log an activity (or an outcome or an
 * update) above the case's entries, newest first, grouped by month.
 *
 * The list scrolls on its own, inside whatever page holds the view: a
 * GtkListView only creates rows for what is on screen when it is the child
 * of a scrolled window, and a case kept for years can hold tens of
 * thousands of entries.
 */

/* ------------------------------------------------------------------ */
/* Kinds of entry, as the form offers them and the rows show them */

typedef struct {
  CwEntryCategory category;
  const char *kind;
  const char *label;    /* in the list of kinds */
  const char *title;    /* an entry's title when it has neither title nor count */
  const char *icon;
} KindInfo;

static const KindInfo kinds[] = {
  { CW_ENTRY_CATEGORY_ACTIVITY, "letter", N_("Letters"), N_("Letters"), "mail-send-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "email", N_("Emails"), N_("Emails"), "mail-unread-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "card", N_("Cards"), N_("Cards"), "emblem-favorite-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "petition", N_("Petition signatures"), N_("Petition"), "document-edit-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "stall", N_("Stall"), N_("Stall"), "mark-location-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "demonstration", N_("Demonstration"), N_("Demonstration"), "emoji-flags-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "vigil", N_("Vigil"), N_("Vigil"), "weather-clear-night-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "media", N_("Media"), N_("Media"), "audio-input-microphone-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "social-media", N_("Social media"), N_("Social media"), "emblem-shared-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "meeting", N_("Meeting"), N_("Meeting"), "emoji-people-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "phone-call", N_("Phone call"), N_("Phone call"), "call-start-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "event", N_("Event"), N_("Event"), "x-office-calendar-symbolic" },
  { CW_ENTRY_CATEGORY_ACTIVITY, "other", N_("Other activity"), N_("Activity"), "view-more-horizontal-symbolic" },

  { CW_ENTRY_CATEGORY_OUTCOME, "reply", N_("Reply"), N_("Reply"), "mail-reply-sender-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "release", N_("Release"), N_("Release"), "emblem-ok-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "trial", N_("Trial"), N_("Trial"), "x-office-document-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "verdict", N_("Verdict"), N_("Verdict"), "emblem-documents-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "sentence", N_("Sentence"), N_("Sentence"), "document-properties-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "charges-dropped", N_("Charges dropped"), N_("Charges dropped"), "object-select-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "transfer", N_("Transfer"), N_("Transfer"), "send-to-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "visit", N_("Visit"), N_("Visit"), "avatar-default-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "health", N_("Health"), N_("Health"), "dialog-warning-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "detention", N_("Detention"), N_("Detention"), "action-unavailable-symbolic" },
  { CW_ENTRY_CATEGORY_OUTCOME, "other", N_("Other outcome"), N_("Outcome"), "emblem-important-symbolic" },

  { CW_ENTRY_CATEGORY_UPDATE, "coordinator-update", N_("Coordinator update"), N_("Coordinator update"), "user-available-symbolic" },
  { CW_ENTRY_CATEGORY_UPDATE, "casefile-update", N_("Casefile update"), N_("Casefile update"), "folder-documents-symbolic" },
  { CW_ENTRY_CATEGORY_UPDATE, "urgent-action", N_("Urgent action"), N_("Urgent action"), "mail-mark-important-symbolic" },
  { CW_ENTRY_CATEGORY_UPDATE, "follow-up", N_("Follow-up"), N_("Follow-up"), "media-playlist-repeat-symbolic" },
  { CW_ENTRY_CATEGORY_UPDATE, "other", N_("Other update"), N_("Update"), "dialog-information-symbolic" },
};

/* What the form offers first: a count of letters is what is logged most. */
#define DEFAULT_KIND 0

static guint
find_kind (CwEntryCategory  category,
           const char      *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].category == category && g_strcmp0 (kinds[i].kind, kind) == 0)
      return i;
  return G_MAXUINT;
}

/* The list of kinds holds keys, "outcome/reply", that the factories read. */
static guint
find_kind_by_key (const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, "/", 2);
  int category;

  if (g_strv_length (parts) != 2 ||
      !cw_enum_from_nick (CW_TYPE_ENTRY_CATEGORY, parts[0], &category))
    return G_MAXUINT;
  return find_kind (category, parts[1]);
}

static GListModel *
kind_model_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s",
                                              cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, kinds[i].category),
                                              kinds[i].kind);

      gtk_string_list_append (list, key);
    }
  return G_LIST_MODEL (list);
}

static const char *
category_label (CwEntryCategory category)
{
  switch (category)
    {
    case CW_ENTRY_CATEGORY_OUTCOME:
      return _("Outcomes");
    case CW_ENTRY_CATEGORY_UPDATE:
      return _("Updates");
    case CW_ENTRY_CATEGORY_ACTIVITY:
    default:
      return _("Activities");
    }
}

/* The icon of an entry whose kind this version does not know. */
static const char *
category_icon (CwEntryCategory category)
{
  switch (category)
    {
    case CW_ENTRY_CATEGORY_OUTCOME:
      return "emblem-important-symbolic";
    case CW_ENTRY_CATEGORY_UPDATE:
      return "dialog-information-symbolic";
    case CW_ENTRY_CATEGORY_ACTIVITY:
    default:
      return "view-more-horizontal-symbolic";
    }
}

static char *
people_title (const char *what,
              int         n)
{
  /* Translators: an entry's title, as in "Vigil, 30 people" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d person", "%s, %d people", n), what, n);
}

/* "14 letters", "Vigil, 30 people": a title for an activity with a count. */
static char *
counted_title (const KindInfo *info,
               int             n)
{
  const char *kind = info->kind;

  if (info->category != CW_ENTRY_CATEGORY_ACTIVITY)
    return g_strdup_printf ("%s (%d)", _(info->title), n);
  if (g_str_equal (kind, "letter"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d letter", "%d letters", n), n);
  if (g_str_equal (kind, "email"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d email", "%d emails", n), n);
  if (g_str_equal (kind, "card"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d card", "%d cards", n), n);
  if (g_str_equal (kind, "petition"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d petition signature",
                                         "%d petition signatures", n), n);
  if (g_str_equal (kind, "stall"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stall, %d signature",
                                         "Stall, %d signatures", n), n);
  if (g_str_equal (kind, "social-media"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d social media post",
                                         "%d social media posts", n), n);
  if (g_str_equal (kind, "phone-call"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d phone call", "%d phone calls", n), n);
  if (g_str_equal (kind, "demonstration") || g_str_equal (kind, "vigil") ||
      g_str_equal (kind, "meeting") || g_str_equal (kind, "event"))
    return people_title (_(info->title), n);
  return g_strdup_printf ("%s (%d)", _(info->title), n);
}

/* The title an entry gets when the user leaves it empty. */
static char *
make_title (CwEntryCategory  category,
            const char      *kind,
            gint64           count)
{
  guint index = find_kind (category, kind);
  const KindInfo *info = &kinds[index != G_MAXUINT ? index : find_kind (category, "other")];

  if (count < 0)
    return g_strdup (_(info->title));
  return counted_title (info, (int) MIN (count, G_MAXINT));
}

/* "2025-03" for every entry of March 2025, whatever its day; "2025" for
 * those dated only by their year, which come after the months of 2025. */
static char *
month_key (CwEntry *entry)
{
  const char *date = cw_entry_get_date (entry);

  if (date == NULL)
    return g_strdup ("");
  return g_strndup (date, cw_entry_get_precision (entry) == CW_DATE_PRECISION_YEAR ? 4 : 7);
}

/* ------------------------------------------------------------------ */
/* One entry in the list */

#define CW_TYPE_TIMELINE_ROW (cw_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (CwTimelineRow, cw_timeline_row, CW, TIMELINE_ROW, GtkWidget)

struct _CwTimelineRow
{
  GtkWidget parent_instance;

  CwEntry *entry;
  GtkListItem *item;        /* not owned: the item owns the row */

  GtkLabel *header;
  GtkImage *icon;
  GtkLabel *title;
  GtkLabel *count;
  GtkWidget *private_marker;
  GtkLabel *subtitle;
  GtkLabel *notes;
  GtkWidget *menu_button;
};

G_DEFINE_FINAL_TYPE (CwTimelineRow, cw_timeline_row, GTK_TYPE_WIDGET)

static GtkLabel *
row_label (GtkWidget   *parent,
           const char  *style,
           const char  *style2)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);

  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (style2 != NULL)
    gtk_widget_add_css_class (label, style2);
  gtk_box_append (GTK_BOX (parent), label);
  return GTK_LABEL (label);
}

static GtkWidget *
private_marker_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  cw_widget_set_tooltip_text (box, _("Private: public exports and reports leave this entry out"));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Private")));
  gtk_widget_add_css_class (box, "caption-heading");
  gtk_widget_add_css_class (box, "warning");
  return box;
}

/* Title, count and the private marker on one line; the date, kind and
 * notes below. */
static GtkWidget *
row_build_text (CwTimelineRow *self)
{
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), top);
  self->title = row_label (top, NULL, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  self->private_marker = private_marker_new ();
  gtk_box_append (GTK_BOX (top), self->private_marker);
  self->count = row_label (top, "heading", "numeric");
  gtk_label_set_wrap (self->count, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->count), GTK_ALIGN_START);

  /* Every label ellipsizes: one that only wraps is measured down to its
   * narrowest, a word or a letter a line, and that is most of what it
   * costs to show a row. */
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (self->title, 2);

  self->subtitle = row_label (text, "caption", "dim-label");
  gtk_label_set_wrap (self->subtitle, FALSE);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);

  self->notes = row_label (text, "dim-label", NULL);
  gtk_label_set_ellipsize (self->notes, PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (self->notes, 3);
  gtk_label_set_natural_wrap_mode (self->notes, GTK_NATURAL_WRAP_NONE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->notes), 2);
  return text;
}

/* The entry's kind, in words: what its icon shows. */
static const char *
row_kind_label (CwTimelineRow *self)
{
  guint index;

  if (self->entry == NULL)
    return NULL;
  index = find_kind (cw_entry_get_category (self->entry), cw_entry_get_kind (self->entry));
  return index != G_MAXUINT ? _(kinds[index].label) : category_label (cw_entry_get_category (self->entry));
}

static gboolean
row_icon_query_tooltip_cb (CwTimelineRow *self,
                           int            x,
                           int            y,
                           gboolean       keyboard,
                           GtkTooltip    *tooltip)
{
  const char *label = row_kind_label (self);

  if (label == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, label);
  return TRUE;
}

static void
row_build (CwTimelineRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->header = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "margin-top", 12, "margin-bottom", 6,
                               "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->header), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->header));

  gtk_widget_set_margin_top (line, 6);
  gtk_widget_set_margin_bottom (line, 6);
  gtk_box_append (GTK_BOX (box), line);

  /* The icon's tooltip names the entry's kind. Each new tooltip costs a
   * question to the display (see cw_widget_set_tooltip_text()), and a row
   * takes a new entry at every scroll, so the text is found only when the
   * tooltip is about to show. */
  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->icon), TRUE);
  g_signal_connect_object (self->icon, "query-tooltip", G_CALLBACK (row_icon_query_tooltip_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->icon), 2);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (line), row_build_text (self));

  self->menu_button = g_object_new (GTK_TYPE_MENU_BUTTON, "icon-name", "view-more-symbolic",
                                    "valign", GTK_ALIGN_START, NULL);
  cw_widget_set_tooltip_text (self->menu_button, _("Entry Menu"));
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_box_append (GTK_BOX (line), self->menu_button);
}

static void
row_edit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CwTimelineRow *self = CW_TIMELINE_ROW (widget);

  if (self->entry != NULL)
    gtk_widget_activate_action (widget, "timeline.edit", "s", cw_entry_get_id (self->entry));
}

static void
row_delete_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CwTimelineRow *self = CW_TIMELINE_ROW (widget);

  if (self->entry != NULL)
    gtk_widget_activate_action (widget, "timeline.delete", "s", cw_entry_get_id (self->entry));
}

static void
cw_timeline_row_dispose (GObject *object)
{
  CwTimelineRow *self = CW_TIMELINE_ROW (object);
  GtkWidget *child;

  g_clear_object (&self->entry);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cw_timeline_row_parent_class)->dispose (object);
}

static void
cw_timeline_row_class_init (CwTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_timeline_row_dispose;

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, row_edit_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, row_delete_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_timeline_row_init (CwTimelineRow *self)
{
  row_build (self);
}

/* The menu is made when it is first opened: a menu for each of the
 * hundreds of rows a list keeps would slow the list down. */
static void
row_create_menu_cb (GtkMenuButton *button,
                    gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

static CwTimelineRow *
cw_timeline_row_new (GMenuModel *menu,
                     gboolean    writable)
{
  CwTimelineRow *self = g_object_new (CW_TYPE_TIMELINE_ROW, NULL);

  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), row_create_menu_cb,
                                         g_object_ref (menu), g_object_unref);
  gtk_widget_set_visible (self->menu_button, writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", writable);
  return self;
}

static char *
describe_entry (CwEntry *entry)
{
  g_autofree char *date = cw_date_iso_format_display (cw_entry_get_date (entry));
  guint index = find_kind (cw_entry_get_category (entry), cw_entry_get_kind (entry));

  if (index == G_MAXUINT)
    return g_steal_pointer (&date);
  /* Translators: an entry's date and kind, as in "7 March 2026 · Letters" */
  return g_strdup_printf (_("%s · %s"), date, _(kinds[index].label));
}

static void
cw_timeline_row_set_entry (CwTimelineRow *self,
                           CwEntry       *entry)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  g_autofree char *shown_notes = NULL;
  const char *notes;
  guint index;

  if (!g_set_object (&self->entry, entry) || entry == NULL)
    return;

  index = find_kind (cw_entry_get_category (entry), cw_entry_get_kind (entry));
  gtk_image_set_from_icon_name (self->icon, index != G_MAXUINT ? kinds[index].icon
                                                               : category_icon (cw_entry_get_category (entry)));
  /* The icon's tooltip is asked for when it is shown (see row_build()) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  row_kind_label (self), -1);
  gtk_label_set_text (self->title, cw_entry_get_title (entry));

  if (cw_entry_get_count (entry) >= 0)
    count = g_strdup_printf ("%" G_GINT64_FORMAT, cw_entry_get_count (entry));
  gtk_label_set_text (self->count, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count), count != NULL);
  gtk_widget_set_visible (self->private_marker, cw_entry_get_private (entry));

  subtitle = describe_entry (entry);
  gtk_label_set_text (self->subtitle, subtitle);

  /* Three lines of it show: no need to lay out pages of notes. */
  notes = cw_entry_get_notes (entry);
  shown_notes = notes != NULL ? g_utf8_substring (notes, 0, MIN (g_utf8_strlen (notes, -1), 1000))
                              : g_strdup ("");
  gtk_label_set_text (self->notes, shown_notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes), *shown_notes != '\0');
}

/* @text: (nullable): the month this row begins, or %NULL within a month */
static void
cw_timeline_row_set_header (CwTimelineRow *self,
                            const char    *text)
{
  gtk_label_set_text (self->header, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->header), text != NULL);
}

/* ------------------------------------------------------------------ */
/* The view */

/* The log form and the Edit dialog share their fields' behaviour. */
typedef struct {
  GtkDropDown *kind;
  GtkSpinButton *count;
  GtkMenuButton *date_button;
  GtkLabel *date_label;
  GtkPopover *date_popover;
  GtkToggleButton *day;
  GtkToggleButton *month;
  GtkToggleButton *year;
  GtkCalendar *calendar;
  GtkButton *today;
  GtkEntry *title;
  GtkTextView *notes;
  GtkCheckButton *private_check;

  CwDate date;
  guint loading;
  gboolean clicked;         /* a click, not a key, picked the calendar's day */
  guint loaded_kind;        /* where the kind list stood when an entry was loaded */
} EntryForm;

struct _CwTimelineView
{
  GtkWidget parent_instance;

  CwStore *store;
  CwEntryList *entries;
  GtkNoSelection *selection;
  GListModel *kind_model;
  GMenuModel *row_menu;
  GPtrArray *bound_rows;    /* CwTimelineRow, showing an entry */
  CwEntry *editing;         /* what the Edit dialog shows */
  GtkWindow *edit_dialog;

  EntryForm log;
  EntryForm edit;

  GtkWidget *log_box;
  GtkToggleButton *log_notes_toggle;
  GtkWidget *edit_form;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (CwTimelineView, cw_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

enum {
  ENTRY_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_writable (CwTimelineView *self)
{
  return !cw_store_get_read_only (self->store);
}

static void
show_error (CwTimelineView *self,
            const char     *heading,
            const char     *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* The form's fields */

/* What the count field holds as typed, before the spin button reads it:
 * empty is no count. */
static gint64
entry_form_get_count (EntryForm *form)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (form->count));
  gint64 value;

  if (text == NULL || *text == '\0')
    return CW_ENTRY_NO_COUNT;
  value = g_ascii_strtoll (text, NULL, 10);
  return value > 0 ? value : CW_ENTRY_NO_COUNT;
}

static void
entry_form_set_count (EntryForm *form,
                      gint64     count)
{
  gtk_spin_button_set_value (form->count, MAX (count, 0));
  if (count <= 0)
    gtk_editable_set_text (GTK_EDITABLE (form->count), "");
}

static void
entry_form_update_placeholder (EntryForm *form)
{
  guint index = gtk_drop_down_get_selected (form->kind);
  const KindInfo *info = &kinds[index < G_N_ELEMENTS (kinds) ? index : DEFAULT_KIND];
  g_autofree char *title = make_title (info->category, info->kind, entry_form_get_count (form));

  gtk_entry_set_placeholder_text (form->title, title);
}

static void
entry_form_set_date (EntryForm    *form,
                     const CwDate *date)
{
  g_autofree char *label = cw_date_format_display (date);
  g_autoptr(GDateTime) day = g_date_time_new_local (date->year, MAX (date->month, 1),
                                                    MAX (date->day, 1), 0, 0, 0);

  form->date = *date;
  gtk_label_set_text (form->date_label, label);

  form->loading++;
  gtk_toggle_button_set_active (date->precision == CW_DATE_PRECISION_YEAR ? form->year
                                : date->precision == CW_DATE_PRECISION_MONTH ? form->month
                                : form->day, TRUE);
  if (day != NULL)
    gtk_calendar_select_day (form->calendar, day);
  form->loading--;
}

static CwDatePrecision
entry_form_get_precision (EntryForm *form)
{
  if (gtk_toggle_button_get_active (form->year))
    return CW_DATE_PRECISION_YEAR;
  if (gtk_toggle_button_get_active (form->month))
    return CW_DATE_PRECISION_MONTH;
  return CW_DATE_PRECISION_DAY;
}

/* Takes the date from the calendar, at the precision the toggles ask. */
static void
entry_form_read_calendar (EntryForm *form)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (form->calendar);
  CwDate date = { 0 };

  date.precision = entry_form_get_precision (form);
  date.year = g_date_time_get_year (day);
  if (date.precision >= CW_DATE_PRECISION_MONTH)
    date.month = g_date_time_get_month (day);
  if (date.precision == CW_DATE_PRECISION_DAY)
    date.day = g_date_time_get_day_of_month (day);
  entry_form_set_date (form, &date);
}

static char *
entry_form_get_notes (EntryForm *form)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (form->notes);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text != '\0')
    return text;
  g_free (text);
  return NULL;
}

static void
entry_form_reset (EntryForm *form)
{
  CwDate today;

  cw_date_today (&today);
  gtk_drop_down_set_selected (form->kind, DEFAULT_KIND);
  entry_form_set_count (form, CW_ENTRY_NO_COUNT);
  entry_form_set_date (form, &today);
  gtk_editable_set_text (GTK_EDITABLE (form->title), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (form->notes), "", -1);
  gtk_check_button_set_active (form->private_check, FALSE);
  form->loaded_kind = G_MAXUINT;
  entry_form_update_placeholder (form);
}

static void
entry_form_load (EntryForm *form,
                 CwEntry   *entry)
{
  CwEntryCategory category = cw_entry_get_category (entry);
  guint index = find_kind (category, cw_entry_get_kind (entry));
  const char *notes = cw_entry_get_notes (entry);
  CwDate date;

  /* A kind this version does not know shows as the category's "other",
   * and is kept unless the user picks another. */
  if (index == G_MAXUINT)
    index = find_kind (category, "other");
  gtk_drop_down_set_selected (form->kind, index);
  form->loaded_kind = index;

  entry_form_set_count (form, cw_entry_get_count (entry));
  if (!cw_date_parse (cw_entry_get_date (entry), &date, NULL))
    cw_date_today (&date);
  entry_form_set_date (form, &date);
  gtk_editable_set_text (GTK_EDITABLE (form->title), cw_entry_get_title (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (form->notes), notes != NULL ? notes : "", -1);
  gtk_check_button_set_active (form->private_check, cw_entry_get_private (entry));
  entry_form_update_placeholder (form);
}

/* Writes what the form holds into @entry. */
static void
entry_form_apply (EntryForm *form,
                  CwEntry   *entry)
{
  guint index = gtk_drop_down_get_selected (form->kind);
  g_autofree char *date = cw_date_to_iso (&form->date);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->title))));
  g_autofree char *notes = entry_form_get_notes (form);
  gint64 count = entry_form_get_count (form);

  if (index < G_N_ELEMENTS (kinds) && index != form->loaded_kind)
    {
      cw_entry_set_category (entry, kinds[index].category);
      cw_entry_set_kind (entry, kinds[index].kind);
    }
  cw_entry_set_date (entry, date);
  cw_entry_set_count (entry, count);
  if (*title == '\0')
    {
      g_free (title);
      title = make_title (cw_entry_get_category (entry), cw_entry_get_kind (entry), count);
    }
  cw_entry_set_title (entry, title);
  cw_entry_set_notes (entry, notes);
  cw_entry_set_private (entry, gtk_check_button_get_active (form->private_check));
}

static gboolean
count_output_cb (EntryForm     *form,
                 GtkSpinButton *spin)
{
  /* Nothing counted shows as an empty field, not as a zero. */
  if (gtk_spin_button_get_value_as_int (spin) != 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static int
count_input_cb (EntryForm     *form,
                double        *new_value,
                GtkSpinButton *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  if (text != NULL && *text != '\0')
    return FALSE;
  *new_value = 0;
  return TRUE;
}

static void
form_changed_cb (EntryForm *form)
{
  entry_form_update_placeholder (form);
}

static void
calendar_pressed_cb (EntryForm *form)
{
  form->clicked = TRUE;
}

static void
calendar_day_selected_cb (EntryForm *form)
{
  gboolean clicked = form->clicked;

  form->clicked = FALSE;
  if (form->loading > 0)
    return;
  entry_form_read_calendar (form);
  /* A day picked with the pointer is the answer; arrow keys only move. */
  if (clicked && form->date.precision == CW_DATE_PRECISION_DAY)
    gtk_popover_popdown (form->date_popover);
}

static void
calendar_moved_cb (EntryForm *form)
{
  form->clicked = FALSE;
  if (form->loading == 0)
    entry_form_read_calendar (form);
}

static void
precision_toggled_cb (EntryForm       *form,
                      GtkToggleButton *button)
{
  if (form->loading == 0 && gtk_toggle_button_get_active (button))
    entry_form_read_calendar (form);
}

static void
today_clicked_cb (EntryForm *form)
{
  CwDate today;

  cw_date_today (&today);
  entry_form_set_date (form, &today);
  gtk_popover_popdown (form->date_popover);
}

static void
kind_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  with_header)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *header = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "visible", FALSE, NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_top (header, 6);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (line), gtk_image_new ());
  /* The button may be narrow; the popup is as wide as its longest kind. */
  gtk_box_append (GTK_BOX (line), g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f,
                                                "ellipsize", with_header != NULL ? PANGO_ELLIPSIZE_NONE
                                                                                 : PANGO_ELLIPSIZE_END,
                                                NULL));
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_item_set_child (item, box);
}

/* Each kind with its icon; in the popup, each category under its name. */
static void
kind_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  with_header)
{
  GtkWidget *header = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *line = gtk_widget_get_next_sibling (header);
  GtkWidget *icon = gtk_widget_get_first_child (line);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  guint index = find_kind_by_key (gtk_string_object_get_string (gtk_list_item_get_item (item)));

  if (index == G_MAXUINT)
    return;
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), kinds[index].icon);
  gtk_label_set_text (GTK_LABEL (label), _(kinds[index].label));
  gtk_label_set_text (GTK_LABEL (header), category_label (kinds[index].category));
  gtk_widget_set_visible (header, with_header != NULL &&
                                  (index == 0 || kinds[index].category != kinds[index - 1].category));
}

static GtkListItemFactory *
kind_factory_new (gboolean with_header)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (kind_setup_cb), GINT_TO_POINTER (with_header));
  g_signal_connect (factory, "bind", G_CALLBACK (kind_bind_cb), GINT_TO_POINTER (with_header));
  return factory;
}

static void
entry_form_init (EntryForm  *form,
                 GListModel *kind_model)
{
  g_autoptr(GtkListItemFactory) button_factory = kind_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = kind_factory_new (TRUE);
  GtkEventController *click = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  GtkEditable *count_text = gtk_editable_get_delegate (GTK_EDITABLE (form->count));

  gtk_drop_down_set_model (form->kind, kind_model);
  gtk_drop_down_set_factory (form->kind, button_factory);
  gtk_drop_down_set_list_factory (form->kind, list_factory);
  g_signal_connect_swapped (form->kind, "notify::selected", G_CALLBACK (form_changed_cb), form);

  gtk_text_set_placeholder_text (GTK_TEXT (count_text), _("Count"));
  g_signal_connect_swapped (form->count, "output", G_CALLBACK (count_output_cb), form);
  g_signal_connect_swapped (form->count, "input", G_CALLBACK (count_input_cb), form);
  g_signal_connect_swapped (form->count, "changed", G_CALLBACK (form_changed_cb), form);

  gtk_event_controller_set_propagation_phase (click, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (calendar_pressed_cb), form);
  gtk_widget_add_controller (GTK_WIDGET (form->calendar), click);
  g_signal_connect_swapped (form->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), form);
  g_signal_connect_swapped (form->calendar, "next-month", G_CALLBACK (calendar_moved_cb), form);
  g_signal_connect_swapped (form->calendar, "prev-month", G_CALLBACK (calendar_moved_cb), form);
  g_signal_connect_swapped (form->calendar, "next-year", G_CALLBACK (calendar_moved_cb), form);
  g_signal_connect_swapped (form->calendar, "prev-year", G_CALLBACK (calendar_moved_cb), form);
  g_signal_connect_swapped (form->day, "toggled", G_CALLBACK (precision_toggled_cb), form);
  g_signal_connect_swapped (form->month, "toggled", G_CALLBACK (precision_toggled_cb), form);
  g_signal_connect_swapped (form->year, "toggled", G_CALLBACK (precision_toggled_cb), form);
  g_signal_connect_swapped (form->today, "clicked", G_CALLBACK (today_clicked_cb), form);

  entry_form_reset (form);
}

/* ------------------------------------------------------------------ */
/* The list */

/* The month a row begins, or %NULL when the row above is of the same month. */
static char *
header_for (CwTimelineView *self,
            guint           position,
            CwEntry        *entry)
{
  g_autofree char *key = month_key (entry);

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(CwEntry) above = g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1);
      g_autofree char *above_key = above != NULL ? month_key (above) : NULL;

      if (g_strcmp0 (key, above_key) == 0)
        return NULL;
    }
  return cw_date_iso_format_display (key);
}

static void
update_header (CwTimelineView *self,
               CwTimelineRow  *row)
{
  g_autofree char *header = NULL;

  if (row->entry == NULL || row->item == NULL)
    return;
  header = header_for (self, gtk_list_item_get_position (row->item), row->entry);
  cw_timeline_row_set_header (row, header);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CwTimelineView           *self)
{
  CwTimelineRow *row = cw_timeline_row_new (self->row_menu, is_writable (self));

  /* Edit and Delete are in each row's menu. A row that lit up under the
   * pointer would light up its month's heading with it. */
  gtk_list_item_set_child (item, GTK_WIDGET (row));
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CwTimelineView           *self)
{
  CwTimelineRow *row = CW_TIMELINE_ROW (gtk_list_item_get_child (item));

  row->item = item;
  cw_timeline_row_set_entry (row, gtk_list_item_get_item (item));
  update_header (self, row);
  g_ptr_array_add (self->bound_rows, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CwTimelineView           *self)
{
  CwTimelineRow *row = CW_TIMELINE_ROW (gtk_list_item_get_child (item));

  g_ptr_array_remove_fast (self->bound_rows, row);
  cw_timeline_row_set_entry (row, NULL);
  row->item = NULL;
}

/* About one row with a line of notes; a month heading adds a little. */
#define ROW_HEIGHT_GUESS 76

static void
update_state (CwTimelineView *self)
{
  guint n = cw_entry_list_get_n_total (self->entries);
  gboolean has_case = cw_entry_list_get_case_id (self->entries) != NULL;
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  /* Inside the case page's own scroll, a list view asks for almost no
   * height; give it room for a few rows, and let longer timelines scroll. */
  gtk_scrolled_window_set_min_content_height (self->scroller, MIN (n, 6u) * ROW_HEIGHT_GUESS);
  if (n > 0)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u entry", "%'u entries", n), n);
  gtk_label_set_text (self->count_label, count != NULL ? count : "");

  gtk_widget_set_visible (self->log_box, is_writable (self));
  gtk_widget_set_sensitive (self->log_box, has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.log", has_case && is_writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.edit", is_writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.delete", is_writable (self));
}

static void
items_changed_cb (CwTimelineView *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  /* A row's month heading depends on the row above it, which may have
   * changed without the row being bound again. */
  for (guint i = 0; i < self->bound_rows->len; i++)
    update_header (self, g_ptr_array_index (self->bound_rows, i));
  update_state (self);
}

/* Shows the newest entry. The list keeps the row it had on top when one
 * is added above it, so setting the scroll position would not do. */
static void
scroll_to_top (CwTimelineView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* ------------------------------------------------------------------ */
/* Logging, editing, deleting */

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autoptr(GError) error = NULL;

  if (cw_entry_list_get_case_id (self->entries) == NULL)
    return;

  cw_entry_set_case_id (entry, cw_entry_list_get_case_id (self->entries));
  entry_form_apply (&self->log, entry);
  if (!cw_store_save_entry (self->store, entry, &error))
    {
      show_error (self, _("Could Not Log the Activity"), error->message);
      return;
    }

  entry_form_reset (&self->log);
  gtk_toggle_button_set_active (self->log_notes_toggle, FALSE);
  scroll_to_top (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->log.count));
}

static void
log_activate_cb (CwTimelineView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.log", NULL);
}

static void present_edit_dialog (CwTimelineView *self,
                                 const char     *problem);

static void
edit_response_cb (CwTimelineView   *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  g_autoptr(CwEntry) entry = g_steal_pointer (&self->editing);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  /* The fields go back to the view, for the next edit. */
  adw_message_dialog_set_extra_child (dialog, NULL);
  g_clear_weak_pointer (&self->edit_dialog);

  if (g_strcmp0 (response, "save") != 0 || entry == NULL)
    return;

  entry_form_apply (&self->edit, entry);
  if (cw_store_save_entry (self->store, entry, &error))
    return;

  /* What was typed is not thrown away: the form comes back as it was,
   * with the reason, to try again or cancel. */
  problem = g_strdup_printf (_("The entry could not be saved: %s"), error->message);
  self->editing = g_steal_pointer (&entry);
  present_edit_dialog (self, problem);
}

/* Shows the form, as filled, for self->editing; @problem says why the
 * last try to save failed. */
static void
present_edit_dialog (CwTimelineView *self,
                     const char     *problem)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Edit Entry"), problem);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), self->edit_form);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), self, G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->edit_dialog, GTK_WINDOW (dialog));
  gtk_window_present (self->edit_dialog);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit.title));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->edit_dialog != NULL)
    return;

  g_clear_object (&self->editing);
  self->editing = cw_store_load_entry (self->store, g_variant_get_string (parameter, NULL), &error);
  if (self->editing == NULL)
    {
      show_error (self, _("Could Not Edit the Entry"), error->message);
      return;
    }
  entry_form_load (&self->edit, self->editing);
  present_edit_dialog (self, NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(CwEntry) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = cw_store_load_entry (self->store, id, &error);
  if (deleted == NULL || !cw_store_delete_entry (self->store, id, &error))
    {
      show_error (self, _("Could Not Delete the Entry"), error->message);
      return;
    }
  g_signal_emit (self, signals[ENTRY_DELETED], 0, deleted);
}

/* ------------------------------------------------------------------ */

static GMenuModel *
row_menu_new (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("_Edit…"), "row.edit");
  g_menu_append (menu, _("_Delete"), "row.delete");
  return G_MENU_MODEL (menu);
}

static void
add_ctrl_enter_logs (GtkWidget *widget)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("timeline.log")));
  gtk_widget_add_controller (widget, shortcuts);
}

static void
setup_forms (CwTimelineView *self)
{
  GtkEditable *log_count = gtk_editable_get_delegate (GTK_EDITABLE (self->log.count));
  GtkEditable *edit_count = gtk_editable_get_delegate (GTK_EDITABLE (self->edit.count));

  entry_form_init (&self->log, self->kind_model);
  entry_form_init (&self->edit, self->kind_model);

  /* Enter in the count or the title logs: "14", Enter. */
  g_signal_connect_object (log_count, "activate", G_CALLBACK (log_activate_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->log.title, "activate", G_CALLBACK (log_activate_cb), self,
                           G_CONNECT_SWAPPED);
  add_ctrl_enter_logs (GTK_WIDGET (self->log.notes));

  gtk_text_set_activates_default (GTK_TEXT (edit_count), TRUE);
}

static void
setup_list (CwTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
cw_timeline_view_constructed (GObject *object)
{
  CwTimelineView *self = (CwTimelineView *) object;

  G_OBJECT_CLASS (cw_timeline_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  setup_forms (self);
  setup_list (self);
  cw_timeline_view_set_case_id (self, NULL);
}

static void
cw_timeline_view_dispose (GObject *object)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (object);
  GtkWidget *child;

  if (self->edit_dialog != NULL)
    {
      GtkWindow *dialog = self->edit_dialog;

      g_clear_weak_pointer (&self->edit_dialog);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), NULL);
      gtk_window_destroy (dialog);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_TIMELINE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->editing);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_object (&self->kind_model);
  g_clear_object (&self->row_menu);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cw_timeline_view_parent_class)->dispose (object);
}

static void
cw_timeline_view_finalize (GObject *object)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (object);

  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_timeline_view_parent_class)->finalize (object);
}

static void
cw_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, cw_timeline_view_get_case_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CwTimelineView *self = CW_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      cw_timeline_view_set_case_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_FORM_FIELD(form, field) \
  gtk_widget_class_bind_template_child_full (widget_class, #form "_" #field, FALSE, \
                                             G_STRUCT_OFFSET (CwTimelineView, form.field))

static void
bind_form (GtkWidgetClass *widget_class)
{
  BIND_FORM_FIELD (log, kind);
  BIND_FORM_FIELD (log, count);
  BIND_FORM_FIELD (log, date_button);
  BIND_FORM_FIELD (log, date_label);
  BIND_FORM_FIELD (log, date_popover);
  BIND_FORM_FIELD (log, day);
  BIND_FORM_FIELD (log, month);
  BIND_FORM_FIELD (log, year);
  BIND_FORM_FIELD (log, calendar);
  BIND_FORM_FIELD (log, today);
  BIND_FORM_FIELD (log, title);
  BIND_FORM_FIELD (log, notes);
  BIND_FORM_FIELD (log, private_check);

  BIND_FORM_FIELD (edit, kind);
  BIND_FORM_FIELD (edit, count);
  BIND_FORM_FIELD (edit, date_button);
  BIND_FORM_FIELD (edit, date_label);
  BIND_FORM_FIELD (edit, date_popover);
  BIND_FORM_FIELD (edit, day);
  BIND_FORM_FIELD (edit, month);
  BIND_FORM_FIELD (edit, year);
  BIND_FORM_FIELD (edit, calendar);
  BIND_FORM_FIELD (edit, today);
  BIND_FORM_FIELD (edit, title);
  BIND_FORM_FIELD (edit, notes);
  BIND_FORM_FIELD (edit, private_check);
}

static void
cw_timeline_view_class_init (CwTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_timeline_view_constructed;
  object_class->dispose = cw_timeline_view_dispose;
  object_class->finalize = cw_timeline_view_finalize;
  object_class->get_property = cw_timeline_view_get_property;
  object_class->set_property = cw_timeline_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwTimelineView::entry-deleted:
   * @deleted: a copy of the entry as it was, to save again for an undo
   */
  signals[ENTRY_DELETED] =
    g_signal_new ("entry-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CW_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casework/cw-timeline-view.ui");
  bind_form (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, log_box);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, log_notes_toggle);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, edit_form);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CwTimelineView, list_view);

  gtk_widget_class_install_action (widget_class, "timeline.log", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "timeline.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "timeline.delete", "s", delete_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_timeline_view_init (CwTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_ptr_array_new ();
  self->kind_model = kind_model_new ();
  self->row_menu = row_menu_new ();
}

GtkWidget *
cw_timeline_view_new (CwStore *store)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_TIMELINE_VIEW, "store", store, NULL);
}

CwStore *
cw_timeline_view_get_store (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), NULL);
  return self->store;
}

const char *
cw_timeline_view_get_case_id (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), NULL);
  return self->entries != NULL ? cw_entry_list_get_case_id (self->entries) : NULL;
}

/**
 * cw_timeline_view_set_case_id:
 * @case_id: (nullable): the case whose timeline to show
 */
void
cw_timeline_view_set_case_id (CwTimelineView *self,
                              const char     *case_id)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  if (self->entries != NULL && g_strcmp0 (case_id, cw_entry_list_get_case_id (self->entries)) == 0)
    return;

  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_data (self->entries, self);
  g_clear_object (&self->entries);
  self->entries = cw_entry_list_new_incremental (self->store, case_id);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->entries));
  g_signal_connect_object (self->entries, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  entry_form_reset (&self->log);
  gtk_toggle_button_set_active (self->log_notes_toggle, FALSE);
  scroll_to_top (self);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

/* How many entries the timeline shows. */
guint
cw_timeline_view_get_n_entries (CwTimelineView *self)
{
  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), 0);

  return self->entries != NULL ? cw_entry_list_get_n_total (self->entries) : 0;
}

/**
 * cw_timeline_view_focus_log:
 *
 * Puts the focus in the count of the log form, its kind already "letters":
 * "14", Enter logs 14 letters today.
 */
void
cw_timeline_view_focus_log (CwTimelineView *self)
{
  g_return_if_fail (CW_IS_TIMELINE_VIEW (self));

  if (!gtk_widget_get_visible (self->log_box) || !gtk_widget_get_sensitive (self->log_box))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->log.count));
}

/**
 * cw_timeline_view_restore_entry:
 * @entry: an entry as #CwTimelineView::entry-deleted gave it
 *
 * Saves a deleted entry again, with its id: the undo of a delete.
 */
gboolean
cw_timeline_view_restore_entry (CwTimelineView  *self,
                                CwEntry         *entry,
                                GError         **error)
{
  g_autoptr(CwEntry) copy = NULL;

  g_return_val_if_fail (CW_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (CW_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = cw_entry_copy (entry);
  return cw_store_save_entry (self->store, copy, error);
}
