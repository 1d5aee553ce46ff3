/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-output-file"

#include "cw-output-file.h"

/**
 * cw_output_file_write:
 * @file: the file to write
 * @flags: how a new file is made: %G_FILE_CREATE_PRIVATE for one only
 *   its owner may read
 * @write: writes the whole document to the stream it is given
 *
 * Writes a report, a casefile or a meeting pack into @file so that
 * nothing half-written is ever left there. A file that was there is
 * replaced only once @write has succeeded and the new copy is closed; on
 * failure it is left as it was. A file that was not there is removed
 * again: GIO writes a new file in place, and closing it cancelled keeps
 * what was written so far.
 *
 * An error says which file it was about.
 */
gboolean
cw_output_file_write (GFile             *file,
                      GFileCreateFlags   flags,
                      CwOutputFunc       write,
                      gpointer           data,
                      GError           **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  existed = g_file_query_exists (file, NULL);
  out = g_file_replace (file, NULL, FALSE, flags, NULL, error);
  if (out == NULL)
    return FALSE;

  if (write (G_OUTPUT_STREAM (out), data, &local_error))
    {
      if (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
        return TRUE;
      /* A copy that could not be closed is not the document either. */
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }
  else
    {
      /* Closing with a cancelled cancellable drops the half-written copy
       * of a file that was there; a new file is removed by hand. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }

  name = g_file_get_parse_name (file);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
  return FALSE;
}
