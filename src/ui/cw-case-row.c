/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-row"

#include <glib/gi18n.h>

#include "cw-case-row.h"
#include "cw-date.h"

/* One case in the sidebar: its title, country and type, its status when it
 * is not active, and an urgent-action deadline that is near. */
struct _CwCaseRow
{
  GtkWidget parent_instance;

  CwCase *kase;
  gulong notify_handler;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *status_label;
  GtkLabel *attention_label;
};

G_DEFINE_FINAL_TYPE (CwCaseRow, cw_case_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe_attention (CwCase *kase)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autofree char *when = NULL;
  int days = 0;

  g_date_set_time_t (today, time (NULL));
  switch (cw_case_get_attention (kase, today, &days))
    {
    case CW_ATTENTION_DEADLINE:
      if (days == 0)
        return g_strdup (_("Deadline today"));
      when = cw_date_iso_format_display (cw_case_get_ua_deadline (kase));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deadline %s, in %d day",
                                           "Deadline %s, in %d days", days), when, days);

    case CW_ATTENTION_FOLLOW_UP:
      when = cw_date_iso_format_display (cw_case_get_next_follow_up (kase));
      if (days < 0)
        return g_strdup_printf (_("Follow-up overdue since %s"), when);
      if (days == 0)
        return g_strdup (_("Follow-up due today"));
      return g_strdup_printf (_("Follow-up due %s"), when);

    case CW_ATTENTION_QUIET:
      if (cw_case_get_last_action (kase) == NULL)
        return g_strdup (_("Nothing done for three months"));
      when = cw_date_iso_format_display (cw_case_get_last_action (kase));
      return g_strdup_printf (_("Nothing done since %s"), when);

    case CW_ATTENTION_NONE:
    default:
      return NULL;
    }
}

static void
update (CwCaseRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *attention = NULL;
  const char *country;

  if (self->kase == NULL)
    return;

  country = cw_case_get_country_name (self->kase);
  if (country == NULL || *country == '\0')
    country = cw_case_get_country_code (self->kase);
  if (country != NULL && *country != '\0')
    g_string_append_printf (subtitle, "%s · ", country);
  g_string_append (subtitle, cw_case_type_to_label (cw_case_get_case_type (self->kase)));

  gtk_label_set_text (self->title_label, cw_case_get_title (self->kase));
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  gtk_label_set_text (self->status_label, cw_case_status_to_label (cw_case_get_status (self->kase)));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                          cw_case_get_status (self->kase) != CW_CASE_STATUS_ACTIVE);

  attention = describe_attention (self->kase);
  gtk_label_set_text (self->attention_label, attention != NULL ? attention : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attention_label), attention != NULL);
}

static void
case_notify_cb (CwCaseRow  *self,
                GParamSpec *pspec,
                CwCase     *kase)
{
  update (self);
}

static void
cw_case_row_dispose (GObject *object)
{
  CwCaseRow *self = CW_CASE_ROW (object);
  GtkWidget *child;

  cw_case_row_set_case (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_CASE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cw_case_row_parent_class)->dispose (object);
}

static void
cw_case_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CwCaseRow *self = CW_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CwCaseRow *self = CW_CASE_ROW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      cw_case_row_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_case_row_class_init (CwCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_case_row_dispose;
  object_class->get_property = cw_case_row_get_property;
  object_class->set_property = cw_case_row_set_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CW_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Casework/cw-case-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CwCaseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CwCaseRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CwCaseRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CwCaseRow, attention_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cw_case_row_init (CwCaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cw_case_row_new (void)
{
  return g_object_new (CW_TYPE_CASE_ROW, NULL);
}

CwCase *
cw_case_row_get_case (CwCaseRow *self)
{
  g_return_val_if_fail (CW_IS_CASE_ROW (self), NULL);
  return self->kase;
}

void
cw_case_row_set_case (CwCaseRow *self,
                      CwCase    *kase)
{
  g_return_if_fail (CW_IS_CASE_ROW (self));
  g_return_if_fail (kase == NULL || CW_IS_CASE (kase));

  if (self->kase == kase)
    return;

  if (self->kase != NULL)
    g_clear_signal_handler (&self->notify_handler, self->kase);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    self->notify_handler = g_signal_connect_object (kase, "notify", G_CALLBACK (case_notify_cb),
                                                    self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}
