/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-page"

#include <glib/gi18n.h>

#include "cw-case-page-private.h"

/*
 * One case, every field of it editable in place. There is no Save button:
 * an edit changes the case in memory and is written a moment after the
 * last keystroke, and at once when the page shows another case, is hidden
 * or goes away. Safety comes first on the page, where a holder cannot miss
 * "do not publish" before acting.
 */

G_DEFINE_FINAL_TYPE (CwCasePage, cw_case_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_TIMELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How long after the last change an edit is written. */
#define SAVE_DELAY_MS 400

static const CwChoice public_action_choices[] = {
  { NULL, N_("Not set") },
  { "allowed", N_("Allowed") },
  { "restricted", N_("Restricted") },
  { "forbidden", N_("Forbidden") },
  { NULL, NULL },
};

static const CwChoice solidarity_choices[] = {
  { NULL, N_("Not set") },
  { "allowed", N_("Allowed") },
  { "forbidden", N_("Forbidden") },
  { NULL, NULL },
};

static const CwChoice kind_choices[] = {
  { "individual", N_("Individual") },
  { "group", N_("Group") },
  { "community", N_("Community") },
  { NULL, NULL },
};

static const CwChoice type_choices[] = {
  { "long-term", N_("Long-term") },
  { "urgent-action", N_("Urgent action") },
  { NULL, NULL },
};

static const CwChoice status_choices[] = {
  { "active", N_("Active") },
  { "paused", N_("Paused") },
  { "closed", N_("Closed") },
  { NULL, NULL },
};

static const CwChoice outcome_choices[] = {
  { NULL, N_("Not set") },
  { "released", N_("Released") },
  { "resolved", N_("Resolved") },
  { "relinquished", N_("Relinquished") },
  { "ended", N_("Ended") },
  { NULL, NULL },
};

static const CwChoice access_choices[] = {
  { NULL, N_("Not set") },
  { "yes", N_("Yes") },
  { "no", N_("No") },
  { "restricted", N_("Restricted") },
  { NULL, NULL },
};

/* "Not set", the regions of cw_regions() and the end. */
static CwChoice region_choices[8];

static void
init_region_choices (void)
{
  const char * const *regions = cw_regions ();
  guint n = 0;

  region_choices[n++] = (CwChoice) { NULL, N_("Not set") };
  for (guint i = 0; regions[i] != NULL && n < G_N_ELEMENTS (region_choices) - 1; i++)
    region_choices[n++] = (CwChoice) { regions[i], cw_region_to_label (regions[i]) };
  region_choices[n] = (CwChoice) { NULL, NULL };
}

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/example/Casework/cw-case-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* What the page shows besides the fields */

static void
show_problem (CwCasePage *self,
              const char *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->problem_box, message != NULL);
}

static void
add_safety_line (CwCasePage *self,
                 const char *text,
                 gboolean    strong)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_box_append (GTK_LIST_BOX (self->safety_lines), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
}

static void
clear_safety_lines (CwCasePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->safety_lines)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->safety_lines), child);
}

/* Restrictions first, in plain words, then each note as written. */
static void
update_safety (CwCasePage *self)
{
  const char *action = self->kase != NULL ? cw_case_get_public_action (self->kase) : NULL;
  const char *solidarity = self->kase != NULL ? cw_case_get_solidarity (self->kase) : NULL;
  GPtrArray *notes = self->kase != NULL ? cw_case_get_safety_notes (self->kase) : NULL;
  gboolean forbidden = g_strcmp0 (action, "forbidden") == 0 || g_strcmp0 (solidarity, "forbidden") == 0;

  clear_safety_lines (self);
  if (g_strcmp0 (action, "forbidden") == 0)
    add_safety_line (self, _("No public action"), TRUE);
  else if (g_strcmp0 (action, "restricted") == 0)
    add_safety_line (self, _("Public action restricted"), TRUE);
  if (g_strcmp0 (solidarity, "forbidden") == 0)
    add_safety_line (self, _("No solidarity messages"), TRUE);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    if (*(const char *) g_ptr_array_index (notes, i) != '\0')
      add_safety_line (self, g_ptr_array_index (notes, i), FALSE);

  gtk_widget_set_visible (self->safety_card, gtk_widget_get_first_child (self->safety_lines) != NULL);
  if (forbidden)
    gtk_widget_add_css_class (self->safety_card, "forbidden");
  else
    gtk_widget_remove_css_class (self->safety_card, "forbidden");
}

/* The sections and rows that depend on other fields. */
static void
update_state (CwCasePage *self)
{
  gboolean closed = self->kase != NULL && cw_case_get_status (self->kase) == CW_CASE_STATUS_CLOSED;
  gboolean urgent = self->kase != NULL &&
                    cw_case_get_case_type (self->kase) == CW_CASE_TYPE_URGENT_ACTION;

  gtk_widget_set_visible (GTK_WIDGET (self->closed_row), closed);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), closed);
  gtk_widget_set_visible (self->ua_group, urgent);
  update_safety (self);
}

/* Saving */

/* Detention details or a coordinator with every field cleared are none. */
static void
drop_empty_parts (CwCase *kase)
{
  g_autoptr(CwDetention) no_detention = cw_detention_new ();
  g_autoptr(CwContact) no_contact = cw_contact_new (NULL);
  CwDetention *detention = cw_case_get_detention (kase);
  CwContact *coordinator = cw_case_get_coordinator (kase);

  if (detention != NULL && cw_detention_equal (detention, no_detention))
    cw_case_set_detention (kase, NULL);
  if (coordinator != NULL && cw_contact_equal (coordinator, no_contact))
    cw_case_set_coordinator (kase, NULL);
}

static gboolean
save (CwCasePage  *self,
      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  gboolean saved;

  if (self->store == NULL)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  cw_case_page_commit_fields (self);
  update_state (self);
  if (self->kase == NULL || !self->dirty)
    return TRUE;

  drop_empty_parts (self->kase);
  self->saving = TRUE;
  saved = cw_store_save_case (self->store, self->kase, &local_error);
  self->saving = FALSE;

  if (saved)
    {
      self->dirty = FALSE;
      show_problem (self, NULL);
      cw_case_page_mark_unsaved_fields (self->sections, NULL);
      return TRUE;
    }

  /* The edits stay in memory and in the fields, marked where they were
   * made, and the next change or flush tries again. The window, if there
   * is one, says so where it cannot be missed. */
  message = g_strdup_printf (_("Your changes could not be saved: %s"), local_error->message);
  show_problem (self, message);
  cw_case_page_mark_unsaved_fields (self->sections, message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.save-failed", "s", message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CwCasePage *self = user_data;

  self->save_source = 0;
  save (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Called by a field or list after it changed the case. */
void
cw_case_page_edited (CwCasePage *self)
{
  g_assert (CW_IS_CASE_PAGE (self));

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  update_state (self);
}

static gboolean
has_unsaved_edits (CwCasePage *self)
{
  g_autofree char *problem = NULL;

  if (self->dirty)
    return TRUE;
  problem = cw_case_page_find_field_error (self->sections);
  return problem != NULL;
}

/* Loading */

static void
show_case (CwCasePage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    cw_case_page_load_field (self, g_ptr_array_index (self->fields, i));
  cw_case_page_lists_load (self);
  cw_case_page_set_fields_editable (self->sections, !cw_store_get_read_only (self->store));
  update_state (self);
  gtk_widget_set_visible (self->sections, self->kase != NULL);
}

/* Shows @kase (transfer full, nullable) in place of the case shown. */
static void
replace_case (CwCasePage *self,
              CwCase     *kase)
{
  /* Kept until the rows that point into it are gone. */
  CwCase *old = g_steal_pointer (&self->kase);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_ptr_array_set_size (self->pending_fields, 0);
  self->dirty = FALSE;
  self->kase = kase;
  show_case (self);
  g_clear_object (&old);
}

static void
load_case (CwCasePage *self,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  replace_case (self, id != NULL ? cw_store_load_case (self->store, id, &error) : NULL);
  /* Another case starts at the top, where its safety notes are. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
  if (error != NULL)
    message = g_strdup_printf (_("This case could not be opened: %s"), error->message);
  show_problem (self, message);
}

/* Following the store */

static gboolean
is_shown (CwCasePage *self,
          const char *id)
{
  return self->kase != NULL && g_strcmp0 (id, cw_case_get_id (self->kase)) == 0;
}

/* Comparing a case with a fresher copy of it */

typedef gboolean (*PartEqual) (gconstpointer a,
                               gconstpointer b);

static gboolean
same_part (gconstpointer a,
           gconstpointer b,
           PartEqual     equal)
{
  return a == NULL || b == NULL ? a == b : equal (a, b);
}

static gboolean
same_parts (GPtrArray *a,
            GPtrArray *b,
            PartEqual  equal)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

static gboolean
same_string (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

/* What follows from the timeline and the clock, not from the case's fields:
 * logging an activity changes these, and the page need not show anew. */
static const char * const from_the_timeline[] = {
  "updated", "last-activity", "last-action", "next-follow-up", NULL
};

/* Every property the page shows; not when the case was last touched. */
static gboolean
same_properties (CwCase *a,
                 CwCase *b)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  gboolean same = TRUE;

  for (guint i = 0; same && i < n_pspecs; i++)
    {
      g_auto(GValue) value_a = G_VALUE_INIT;
      g_auto(GValue) value_b = G_VALUE_INIT;

      if (g_strv_contains (from_the_timeline, pspecs[i]->name))
        continue;
      g_value_init (&value_a, pspecs[i]->value_type);
      g_value_init (&value_b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &value_a);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &value_b);
      same = g_param_values_cmp (pspecs[i], &value_a, &value_b) == 0;
    }
  return same;
}

static gboolean
same_case (CwCase *a,
           CwCase *b)
{
#define SAME_LIST(get, equal) same_parts (get (a), get (b), (PartEqual) equal)
  return same_properties (a, b) &&
         SAME_LIST (cw_case_get_references, cw_reference_equal) &&
         SAME_LIST (cw_case_get_themes, same_string) &&
         SAME_LIST (cw_case_get_people, cw_person_equal) &&
         same_part (cw_case_get_detention (a), cw_case_get_detention (b),
                    (PartEqual) cw_detention_equal) &&
         SAME_LIST (cw_case_get_safety_notes, same_string) &&
         same_part (cw_case_get_coordinator (a), cw_case_get_coordinator (b),
                    (PartEqual) cw_contact_equal) &&
         SAME_LIST (cw_case_get_holders, cw_contact_equal) &&
         SAME_LIST (cw_case_get_targets, cw_target_equal) &&
         SAME_LIST (cw_case_get_recommended_actions, same_string) &&
         SAME_LIST (cw_case_get_model_letters, cw_model_letter_equal);
#undef SAME_LIST
}

/* Changed elsewhere, by an import say: show it, unless that would throw
 * away what someone is typing. A timeline entry touches its case too;
 * then nothing the page shows changed, and its rows stay as they are. */
static void
case_changed_cb (CwCasePage *self,
                 const char *id,
                 CwStore    *store)
{
  g_autoptr(CwCase) fresh = NULL;

  if (self->saving || !is_shown (self, id) || has_unsaved_edits (self))
    return;

  fresh = cw_store_load_case (self->store, id, NULL);
  if (fresh == NULL || same_case (fresh, self->kase))
    return;
  replace_case (self, g_steal_pointer (&fresh));
}

static void
case_removed_cb (CwCasePage *self,
                 const char *id,
                 CwStore    *store)
{
  if (!is_shown (self, id))
    return;

  /* Saving now would bring the case back. */
  replace_case (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

/* Binding the template's rows */

static void
bind_entry (CwCasePage   *self,
            AdwEntryRow  *row,
            CwFieldKind   kind,
            const CwSlot *slot)
{
  cw_case_page_bind_entry (self, row, kind, slot);
  g_ptr_array_add (self->fields, row);
}

static void
bind_text (CwCasePage   *self,
           GtkTextView  *view,
           CwFieldKind   kind,
           const CwSlot *slot)
{
  cw_case_page_bind_text (self, view, kind, slot);
  g_ptr_array_add (self->fields, view);
}

static void
bind_choice (CwCasePage     *self,
             AdwComboRow    *row,
             const CwChoice *choices,
             const CwSlot   *slot)
{
  cw_case_page_bind_choice (self, GTK_WIDGET (row), choices, slot);
  g_ptr_array_add (self->fields, row);
}

static void
bind_case_fields (CwCasePage *self)
{
  bind_choice (self, self->public_action_row, public_action_choices, CW_CASE_SLOT ("public-action"));
  bind_choice (self, self->solidarity_row, solidarity_choices, CW_CASE_SLOT ("solidarity"));

  bind_entry (self, self->title_row, CW_FIELD_TITLE, CW_CASE_SLOT ("title"));
  bind_choice (self, self->kind_row, kind_choices, CW_CASE_SLOT ("kind"));
  bind_choice (self, self->type_row, type_choices, CW_CASE_SLOT ("case-type"));
  bind_choice (self, self->status_row, status_choices, CW_CASE_SLOT ("status"));
  bind_entry (self, self->closed_row, CW_FIELD_DATE, CW_CASE_SLOT ("closed"));
  bind_choice (self, self->outcome_row, outcome_choices, CW_CASE_SLOT ("closed-outcome"));
  bind_entry (self, self->country_code_row, CW_FIELD_COUNTRY, CW_CASE_SLOT ("country-code"));
  bind_entry (self, self->country_name_row, CW_FIELD_TEXT, CW_CASE_SLOT ("country-name"));
  bind_choice (self, self->region_row, region_choices, CW_CASE_SLOT ("region"));
  bind_entry (self, self->themes_row, CW_FIELD_WORDS, &(CwSlot) { .owner = CW_SLOT_THEMES });
  bind_entry (self, self->opened_row, CW_FIELD_DATE, CW_CASE_SLOT ("opened"));

  bind_entry (self, self->ua_number_row, CW_FIELD_TEXT, CW_CASE_SLOT ("ua-number"));
  bind_entry (self, self->ua_issued_row, CW_FIELD_DATE, CW_CASE_SLOT ("ua-issued"));
  bind_entry (self, self->ua_deadline_row, CW_FIELD_DATE, CW_CASE_SLOT ("ua-deadline"));
  bind_entry (self, self->ua_sequence_row, CW_FIELD_NUMBER, CW_CASE_SLOT ("ua-sequence"));

  bind_text (self, self->summary_view, CW_FIELD_TEXT, CW_CASE_SLOT ("summary"));
  bind_text (self, self->background_view, CW_FIELD_TEXT, CW_CASE_SLOT ("background"));
}

static void
bind_detention_fields (CwCasePage *self)
{
  bind_entry (self, self->place_row, CW_FIELD_TEXT, CW_DETENTION_SLOT (place));
  bind_entry (self, self->arrested_row, CW_FIELD_DATE, CW_DETENTION_SLOT (arrested));
  bind_text (self, cw_text_row_get_view (self->charges_row), CW_FIELD_TEXT,
             CW_DETENTION_SLOT (charges));
  bind_entry (self, self->sentence_row, CW_FIELD_TEXT, CW_DETENTION_SLOT (sentence));
  bind_text (self, cw_text_row_get_view (self->health_row), CW_FIELD_TEXT,
             CW_DETENTION_SLOT (health));
  bind_choice (self, self->legal_access_row, access_choices, CW_DETENTION_SLOT (legal_access));
  bind_entry (self, self->legal_access_note_row, CW_FIELD_TEXT,
              CW_DETENTION_SLOT (legal_access_note));
  bind_choice (self, self->family_access_row, access_choices, CW_DETENTION_SLOT (family_access));
  bind_entry (self, self->family_access_note_row, CW_FIELD_TEXT,
              CW_DETENTION_SLOT (family_access_note));
}

static void
bind_coordinator_fields (CwCasePage *self)
{
  bind_entry (self, self->coordinator_name_row, CW_FIELD_TEXT, CW_COORDINATOR_SLOT (name));
  bind_entry (self, self->coordinator_role_row, CW_FIELD_TEXT, CW_COORDINATOR_SLOT (role));
  bind_entry (self, self->coordinator_organisation_row, CW_FIELD_TEXT,
              CW_COORDINATOR_SLOT (organisation));
  bind_entry (self, self->coordinator_email_row, CW_FIELD_TEXT, CW_COORDINATOR_SLOT (email));
  bind_entry (self, self->coordinator_phone_row, CW_FIELD_TEXT, CW_COORDINATOR_SLOT (phone));
  bind_text (self, cw_text_row_get_view (self->coordinator_address_row), CW_FIELD_LINES,
             CW_COORDINATOR_SLOT (address));
  bind_text (self, cw_text_row_get_view (self->coordinator_notes_row), CW_FIELD_TEXT,
             CW_COORDINATOR_SLOT (notes));
}

/* Overrides */

static void
cw_case_page_unmap (GtkWidget *widget)
{
  /* A failure shows on the page, and the edits wait for the next try. */
  save (CW_CASE_PAGE (widget), NULL);

  GTK_WIDGET_CLASS (cw_case_page_parent_class)->unmap (widget);
}

static void
cw_case_page_constructed (GObject *object)
{
  CwCasePage *self = CW_CASE_PAGE (object);

  G_OBJECT_CLASS (cw_case_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "case-changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "case-removed", G_CALLBACK (case_removed_cb), self,
                           G_CONNECT_SWAPPED);
  show_case (self);
}

static void
cw_case_page_dispose (GObject *object)
{
  CwCasePage *self = CW_CASE_PAGE (object);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (self->store != NULL && !save (self, &error))
    g_warning ("The case could not be saved: %s", error->message);
  g_clear_handle_id (&self->save_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_CASE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->pending_fields, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_case_page_parent_class)->dispose (object);
}

static void
cw_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CwCasePage *self = CW_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, cw_case_page_get_case_id (self));
      break;
    case PROP_TIMELINE:
      g_value_set_object (value, cw_case_page_get_timeline (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CwCasePage *self = CW_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      cw_case_page_set_case_id (self, g_value_get_string (value));
      break;
    case PROP_TIMELINE:
      cw_case_page_set_timeline (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template_children (GtkWidgetClass *widget_class)
{
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CwCasePage, name)
  BIND (scrolled);
  BIND (content);
  BIND (problem_box);
  BIND (problem_label);
  BIND (sections);
  BIND (safety_card);
  BIND (safety_lines);
  BIND (public_action_row);
  BIND (solidarity_row);
  BIND (notes_editor);
  BIND (title_row);
  BIND (kind_row);
  BIND (type_row);
  BIND (status_row);
  BIND (closed_row);
  BIND (outcome_row);
  BIND (country_code_row);
  BIND (country_name_row);
  BIND (region_row);
  BIND (themes_row);
  BIND (opened_row);
  BIND (references_editor);
  BIND (ua_group);
  BIND (ua_number_row);
  BIND (ua_issued_row);
  BIND (ua_deadline_row);
  BIND (ua_sequence_row);
  BIND (summary_view);
  BIND (background_view);
  BIND (timeline_slot);
  BIND (people_editor);
  BIND (place_row);
  BIND (arrested_row);
  BIND (charges_row);
  BIND (sentence_row);
  BIND (health_row);
  BIND (legal_access_row);
  BIND (legal_access_note_row);
  BIND (family_access_row);
  BIND (family_access_note_row);
  BIND (coordinator_name_row);
  BIND (coordinator_role_row);
  BIND (coordinator_organisation_row);
  BIND (coordinator_email_row);
  BIND (coordinator_phone_row);
  BIND (coordinator_address_row);
  BIND (coordinator_notes_row);
  BIND (holders_editor);
  BIND (targets_editor);
  BIND (actions_editor);
  BIND (letters_editor);
#undef BIND
}

static void
cw_case_page_class_init (CwCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cw_case_page_constructed;
  object_class->dispose = cw_case_page_dispose;
  object_class->get_property = cw_case_page_get_property;
  object_class->set_property = cw_case_page_set_property;
  widget_class->unmap = cw_case_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] = g_param_spec_string ("case-id", NULL, NULL, NULL, flags);
  properties[PROP_TIMELINE] = g_param_spec_object ("timeline", NULL, NULL, GTK_TYPE_WIDGET, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  init_region_choices ();
  g_type_ensure (CW_TYPE_LIST_EDITOR);
  g_type_ensure (CW_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casework/cw-case-page.ui");
  bind_template_children (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_case_page_init (CwCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style ();

  self->fields = g_ptr_array_new ();
  self->pending_fields = g_ptr_array_new_with_free_func (g_object_unref);
  bind_case_fields (self);
  bind_detention_fields (self);
  bind_coordinator_fields (self);
  cw_case_page_lists_init (self);
}

/* Public API */

GtkWidget *
cw_case_page_new (CwStore *store)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_CASE_PAGE, "store", store, NULL);
}

/**
 * cw_case_page_get_store:
 *
 * Returns: (transfer none): the store the page reads and writes
 */
CwStore *
cw_case_page_get_store (CwCasePage *self)
{
  g_return_val_if_fail (CW_IS_CASE_PAGE (self), NULL);
  return self->store;
}

/**
 * cw_case_page_get_case_id:
 *
 * Returns: (nullable): the id of the case shown, or %NULL for none
 */
const char *
cw_case_page_get_case_id (CwCasePage *self)
{
  g_return_val_if_fail (CW_IS_CASE_PAGE (self), NULL);
  return self->kase != NULL ? cw_case_get_id (self->kase) : NULL;
}

/**
 * cw_case_page_set_case_id:
 * @id: (nullable): the case to show, or %NULL for none
 *
 * Saves what was typed into the case shown so far, then shows @id. If
 * that cannot be saved (a full disk, a database locked by another
 * program), the case shown stays, with the reason, so that nothing typed
 * is lost: cw_case_page_get_case_id() tells which case is shown.
 */
void
cw_case_page_set_case_id (CwCasePage *self,
                          const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = g_strdup (id);

  g_return_if_fail (CW_IS_CASE_PAGE (self));

  if (self->kase != NULL && g_strcmp0 (id, cw_case_page_get_case_id (self)) == 0)
    return;

  /* Text a field refused (an impossible date) is not kept: the field said
   * so. Changes the store refused are, and keep the case on the page. */
  if (!save (self, &error))
    {
      g_message ("The case stays shown, its changes not saved: %s", error->message);
      return;
    }
  load_case (self, new_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

/**
 * cw_case_page_flush:
 *
 * Saves any pending edit now.
 *
 * Returns: %FALSE if the case could not be saved, or if a field holds text
 *   that could not be stored (an impossible date, an empty title); @error
 *   says which. Everything else is saved either way.
 */
gboolean
cw_case_page_flush (CwCasePage  *self,
                    GError     **error)
{
  g_autofree char *problem = NULL;

  g_return_val_if_fail (CW_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!save (self, error))
    return FALSE;

  problem = self->kase != NULL ? cw_case_page_find_field_error (self->sections) : NULL;
  if (problem != NULL)
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID, problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * cw_case_page_get_timeline:
 *
 * Returns: (transfer none) (nullable): the widget in the timeline slot
 */
GtkWidget *
cw_case_page_get_timeline (CwCasePage *self)
{
  g_return_val_if_fail (CW_IS_CASE_PAGE (self), NULL);
  return adw_bin_get_child (self->timeline_slot);
}

/**
 * cw_case_page_set_timeline:
 * @timeline: (nullable): the widget to show after the summary and
 *   background, before the people
 */
void
cw_case_page_set_timeline (CwCasePage *self,
                           GtkWidget  *timeline)
{
  g_return_if_fail (CW_IS_CASE_PAGE (self));
  g_return_if_fail (timeline == NULL || GTK_IS_WIDGET (timeline));

  if (adw_bin_get_child (self->timeline_slot) == timeline)
    return;

  adw_bin_set_child (self->timeline_slot, timeline);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_slot), timeline != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}
