/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework"

#include "cw-timing.h"

static gint64 started_at;
static gboolean enabled;

/* Called first thing in main(). */
void
cw_timing_start (void)
{
  started_at = g_get_monotonic_time ();
  enabled = g_strcmp0 (g_getenv ("CASEWORK_PROFILE"), "1") == 0;
}

gboolean
cw_timing_enabled (void)
{
  return enabled;
}

/* When main() began, in g_get_monotonic_time()'s clock. */
gint64
cw_timing_started_at (void)
{
  return started_at;
}

typedef struct {
  GtkWidget *widget;          /* weak */
  GdkFrameClock *clock;
  gulong handler;
  gint64 since;
  char *format;
  guint count;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_weak_pointer (&pending->widget);
  g_clear_object (&pending->clock);
  g_free (pending->format);
  g_free (pending);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Pending       *pending)
{
  double ms = (g_get_monotonic_time () - pending->since) / 1000.0;
  g_autofree char *line = NULL;

  /* The format is ours, from the callers in this program; one write, so
   * that the line stays whole among other programs' output. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  line = g_strdup_printf (pending->format, ms, pending->count);
#pragma GCC diagnostic pop
  g_printerr ("%s\n", line);

  g_signal_handler_disconnect (clock, pending->handler);
  pending_free (pending);
}

static void
connect_clock (Pending *pending)
{
  pending->clock = g_object_ref (gtk_widget_get_frame_clock (pending->widget));
  pending->handler = g_signal_connect (pending->clock, "after-paint",
                                       G_CALLBACK (after_paint_cb), pending);
  gtk_widget_queue_draw (pending->widget);
}

static void
realize_cb (GtkWidget *widget,
            Pending   *pending)
{
  g_signal_handlers_disconnect_by_data (widget, pending);
  connect_clock (pending);
}

/**
 * cw_timing_after_next_frame:
 * @widget: what is being shown
 * @since: when it was asked for, in g_get_monotonic_time()'s clock
 * @format: a printf format taking the milliseconds (a double) and @count
 *
 * With CASEWORK_PROFILE=1, prints @format once the next frame that draws
 * @widget has been painted; does nothing otherwise.
 */
void
cw_timing_after_next_frame (GtkWidget  *widget,
                            gint64      since,
                            const char *format,
                            guint       count)
{
  Pending *pending;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!enabled)
    return;

  pending = g_new0 (Pending, 1);
  g_set_weak_pointer (&pending->widget, widget);
  pending->since = since;
  pending->format = g_strdup (format);
  pending->count = count;

  if (gtk_widget_get_realized (widget))
    connect_clock (pending);
  else
    g_signal_connect (widget, "realize", G_CALLBACK (realize_cb), pending);
}
