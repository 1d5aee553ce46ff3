/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-background"

#include <gio/gio.h>

#include "cw-background.h"

static void
unref_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * cw_unref_in_thread:
 * @object: (transfer full) (nullable): an object nothing on the main
 *   thread holds on to any more
 *
 * Lets @object go in a thread: the laid-out pages of a thousand cases
 * take a fifth of a second to free, which the window would stop for.
 */
void
cw_unref_in_thread (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, unref_thread);
}
