/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cw-tooltip.h"

/**
 * cw_widget_set_tooltip_text:
 * @text: (nullable): the tooltip, which is also the widget's accessible
 *   description
 *
 * Does what gtk_widget_set_tooltip_text() does, without its cost for a
 * widget not yet in a window, nor for a tooltip that stays the same.
 *
 * GTK 4.8 follows every new tooltip of a visible widget by asking the
 * display where the pointer is, in case a tooltip shown now must change:
 * on X11, a round trip to the server. It asks even for a widget in no
 * window, which can have no tooltip shown, and the rows of a long
 * timeline are made by the hundred. Such a widget is hidden for the
 * moment the tooltip is set, which is all the question depends on.
 */
void
cw_widget_set_tooltip_text (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  if (gtk_widget_get_root (widget) == NULL && gtk_widget_get_visible (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
      return;
    }
  gtk_widget_set_tooltip_text (widget, text);
}
