/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-zip"

#include <glib/gi18n-lib.h>
#include <string.h>

#define ZLIB_CONST
#include <zlib.h>

#include "cw-zip-writer.h"

/*
 * The layout is APPNOTE's: for each entry a local file header, then its
 * data; then a central directory header per entry, repeating the local
 * one with where it starts; then the end of central directory record.
 * Every number is little-endian. An entry is compressed before its header
 * is written, so the sizes and CRC-32 go in the header and no data
 * descriptor follows the data.
 */

#define LOCAL_HEADER_SIGNATURE    0x04034b50
#define CENTRAL_HEADER_SIGNATURE  0x02014b50
#define END_RECORD_SIGNATURE      0x06054b50

/* "Made by" version 2.0 on MS-DOS: the attributes are left at zero, so an
 * unpacked file gets the default permissions. */
#define MADE_BY            20
#define NEEDS_STORED       10
#define NEEDS_DEFLATED     20

#define METHOD_STORED      0
#define METHOD_DEFLATED    8

struct _CwZipWriter {
  GOutputStream *out;
  guint16 dos_date;
  guint64 offset;          /* bytes written so far */
  GByteArray *directory;   /* the central directory headers */
  guint n_entries;
  gboolean finished;
};

static void
put16 (GByteArray *bytes,
       guint       value)
{
  guint8 le[2] = { value & 0xff, (value >> 8) & 0xff };

  g_byte_array_append (bytes, le, sizeof le);
}

static void
put32 (GByteArray *bytes,
       guint32     value)
{
  guint8 le[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff };

  g_byte_array_append (bytes, le, sizeof le);
}

/* An MS-DOS date: years from 1980 (up to 2107), month, day. A date it
 * cannot hold becomes 1 January 1980. */
static guint16
dos_date (guint year,
          guint month,
          guint day)
{
  if (year < 1980 || year > 2107 || !g_date_valid_dmy (day, month, year))
    return (0 << 9) | (1 << 5) | 1;
  return (guint16) (((year - 1980) << 9) | (month << 5) | day);
}

/**
 * cw_zip_writer_new:
 * @out: where the archive goes; it is not closed
 *
 * Every entry is dated @year-@month-@day, at midnight.
 */
CwZipWriter *
cw_zip_writer_new (GOutputStream *out,
                   guint          year,
                   guint          month,
                   guint          day)
{
  CwZipWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (CwZipWriter, 1);
  self->out = g_object_ref (out);
  self->dos_date = dos_date (year, month, day);
  self->directory = g_byte_array_new ();
  return self;
}

void
cw_zip_writer_free (CwZipWriter *self)
{
  if (self == NULL)
    return;

  g_byte_array_unref (self->directory);
  g_object_unref (self->out);
  g_free (self);
}

static void
set_too_large (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The document is too large for a ZIP archive"));
}

/* @data as a raw DEFLATE stream, in one call to deflate(): the output
 * buffer holds the most it can take. */
static guint8 *
deflate_entry (const char  *name,
               const void  *data,
               gsize        len,
               gsize       *compressed_len,
               GError     **error)
{
  z_stream stream = { 0 };
  g_autofree guint8 *buffer = NULL;
  uLong bound;
  int rc;

  /* Negative window bits: no zlib header or trailer, as ZIP wants. */
  if (deflateInit2 (&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                    Z_DEFAULT_STRATEGY) != Z_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not compress “%s”"), name);
      return NULL;
    }

  bound = deflateBound (&stream, (uLong) len);
  if (bound > G_MAXUINT32)
    {
      deflateEnd (&stream);
      set_too_large (error);
      return NULL;
    }

  buffer = g_malloc (MAX (bound, 1));
  stream.next_in = data;
  stream.avail_in = (uInt) len;
  stream.next_out = buffer;
  stream.avail_out = (uInt) bound;
  rc = deflate (&stream, Z_FINISH);
  *compressed_len = stream.total_out;
  deflateEnd (&stream);

  if (rc != Z_STREAM_END)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not compress “%s”"), name);
      return NULL;
    }
  return g_steal_pointer (&buffer);
}

/* The fields the local and the central header share, from "version
 * needed" to "extra field length". */
static void
put_common (CwZipWriter *self,
            GByteArray  *header,
            CwZipMethod  method,
            guint32      crc,
            gsize        compressed_len,
            gsize        len,
            gsize        name_len)
{
  gboolean deflated = method == CW_ZIP_DEFLATED;

  put16 (header, deflated ? NEEDS_DEFLATED : NEEDS_STORED);
  put16 (header, 0);                                   /* flags */
  put16 (header, deflated ? METHOD_DEFLATED : METHOD_STORED);
  put16 (header, 0);                                   /* time: midnight */
  put16 (header, self->dos_date);
  put32 (header, crc);
  put32 (header, (guint32) compressed_len);
  put32 (header, (guint32) len);
  put16 (header, (guint) name_len);
  put16 (header, 0);                                   /* extra field length */
}

/**
 * cw_zip_writer_add:
 * @name: the entry's path in the archive, with "/" between folders
 * @method: how @data is kept: as it is, or deflated
 *
 * Writes an entry with @len bytes of @data. On failure the archive is
 * unfinished and had better be dropped.
 */
gboolean
cw_zip_writer_add (CwZipWriter  *self,
                   const char   *name,
                   const void   *data,
                   gsize         len,
                   CwZipMethod   method,
                   GError      **error)
{
  g_autoptr(GByteArray) header = NULL;
  g_autofree guint8 *compressed = NULL;
  const void *body = data;
  gsize body_len = len;
  gsize name_len;
  guint64 offset;
  guint32 crc;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (method == CW_ZIP_STORED || method == CW_ZIP_DEFLATED, FALSE);

  name_len = strlen (name);
  if (len > G_MAXUINT32 || name_len > G_MAXUINT16 || self->n_entries >= G_MAXUINT16)
    {
      set_too_large (error);
      return FALSE;
    }

  crc = (guint32) crc32 (crc32 (0, NULL, 0), data, (uInt) len);
  if (method == CW_ZIP_DEFLATED)
    {
      compressed = deflate_entry (name, data, len, &body_len, error);
      if (compressed == NULL)
        return FALSE;
      body = compressed;
    }

  header = g_byte_array_sized_new (30 + name_len);
  put32 (header, LOCAL_HEADER_SIGNATURE);
  put_common (self, header, method, crc, body_len, len, name_len);
  g_byte_array_append (header, (const guint8 *) name, (guint) name_len);

  /* Where the next entry, or the central directory, starts must fit. */
  offset = self->offset;
  if (offset + header->len + body_len > G_MAXUINT32)
    {
      set_too_large (error);
      return FALSE;
    }

  if (!g_output_stream_write_all (self->out, header->data, header->len, NULL, NULL, error) ||
      !g_output_stream_write_all (self->out, body, body_len, NULL, NULL, error))
    return FALSE;
  self->offset += header->len + body_len;

  put32 (self->directory, CENTRAL_HEADER_SIGNATURE);
  put16 (self->directory, MADE_BY);
  put_common (self, self->directory, method, crc, body_len, len, name_len);
  put16 (self->directory, 0);                          /* comment length */
  put16 (self->directory, 0);                          /* disk number */
  put16 (self->directory, 0);                          /* internal attributes */
  put32 (self->directory, 0);                          /* external attributes */
  put32 (self->directory, (guint32) offset);
  g_byte_array_append (self->directory, (const guint8 *) name, (guint) name_len);
  self->n_entries++;
  return TRUE;
}

/**
 * cw_zip_writer_finish:
 *
 * Writes the central directory and the end record: the archive is whole.
 * The stream is neither flushed nor closed.
 */
gboolean
cw_zip_writer_finish (CwZipWriter  *self,
                      GError      **error)
{
  g_autoptr(GByteArray) end = g_byte_array_sized_new (22);

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (self->offset + self->directory->len > G_MAXUINT32)
    {
      set_too_large (error);
      return FALSE;
    }

  put32 (end, END_RECORD_SIGNATURE);
  put16 (end, 0);                                      /* this disk */
  put16 (end, 0);                                      /* the directory's disk */
  put16 (end, self->n_entries);                        /* entries on this disk */
  put16 (end, self->n_entries);                        /* entries in all */
  put32 (end, self->directory->len);
  put32 (end, (guint32) self->offset);
  put16 (end, 0);                                      /* comment length */

  if (!g_output_stream_write_all (self->out, self->directory->data, self->directory->len, NULL,
                                  NULL, error) ||
      !g_output_stream_write_all (self->out, end->data, end->len, NULL, NULL, error))
    return FALSE;
  self->offset += self->directory->len + end->len;
  self->finished = TRUE;
  return TRUE;
}
