/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-casefile"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <string.h>

#include "cw-casefile-reader.h"
#include "cw-date.h"
#include "cw-enums.h"

/*
 * Reading a casefile document, defensively: the file may come from anyone.
 * The bytes are checked as they reach the parser (size, compression,
 * UTF-8), a piece at a time, so a file is never whole in memory; the
 * parser never loads DTDs or external entities, never substitutes entities,
 * and stops at a <!DOCTYPE> or an entity declaration; the tree is validated
 * against data/casefile.rng (its patterns checked here, see
 * check_patterns()); what the schema cannot say (real dates, unique ids,
 * counts, kinds) is checked last. The document is handled one case at a
 * time as it is parsed, so the tree never holds more than one case, and
 * nothing is handed over unless the whole document passes.
 */

typedef struct {
  const char *name;
  GError *error;          /* the first problem met */
  GPtrArray *warnings;
  GHashTable *ids;        /* every id seen, to refuse repeats */
} ReadContext;

typedef struct {
  const char *element;
  const char * const *attributes;
  const char * const *children;
} KnownElement;

/* The 1.0 vocabulary, for telling what a newer minor version added. */
#define NAMES(...) (const char * const[]) { __VA_ARGS__, NULL }
#define NONE (const char * const[]) { NULL }

static const KnownElement known_elements[] = {
  { "casefile", NAMES ("version", "exported", "generator", "scope"), NAMES ("source", "case") },
  { "source", NONE, NAMES ("organisation", "issued", "contact") },
  { "contact", NONE, NAMES ("name", "role", "organisation", "email", "phone", "address", "notes") },
  { "coordinator", NONE, NAMES ("name", "role", "organisation", "email", "phone", "address", "notes") },
  { "holder", NAMES ("from", "to"),
    NAMES ("name", "role", "organisation", "email", "phone", "address", "notes") },
  { "address", NONE, NAMES ("line") },
  { "case", NAMES ("id", "kind", "type", "status", "modified"),
    NAMES ("title", "reference", "urgent-action", "country", "region", "theme", "opened", "closed",
           "person", "detention", "summary", "background", "safety", "coordinator", "holder",
           "target", "recommended-action", "model-letter", "entry") },
  { "reference", NAMES ("scheme"), NONE },
  { "urgent-action", NAMES ("number", "issued", "deadline", "sequence"), NONE },
  { "country", NAMES ("code"), NONE },
  { "closed", NAMES ("outcome"), NONE },
  { "person", NAMES ("role"),
    NAMES ("name", "other-names", "pronouns", "gender", "born", "occupation", "notes") },
  { "detention", NONE,
    NAMES ("place", "arrested", "charges", "sentence", "health", "legal-access", "family-access") },
  { "safety", NAMES ("public-action", "solidarity"), NAMES ("note") },
  { "target", NAMES ("role", "language"),
    NAMES ("title", "name", "organisation", "address", "email", "salutation") },
  { "model-letter", NAMES ("language"), NONE },
  { "entry", NAMES ("id", "date", "category", "kind", "count", "private"), NAMES ("title", "notes") },
};

#undef NAMES
#undef NONE

void
cw_casefile_case_free (CwCasefileCase *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->kase);
  g_clear_pointer (&item->entries, g_ptr_array_unref);
  g_clear_pointer (&item->entry_parts, g_array_unref);
  g_free (item);
}

void
cw_casefile_free (CwCasefile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->version);
  g_free (self->source_organisation);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/* Errors and warnings, each with where it is. */

G_GNUC_PRINTF (4, 0)
static void
fail_with (ReadContext *ctx,
           int          code,
           char        *location,
           const char  *format,
           va_list      args)
{
  g_autofree char *where = location;
  g_autofree char *message = NULL;

  if (ctx->error != NULL)
    return;

  message = g_strdup_vprintf (format, args);
  ctx->error = g_error_new (CW_CASEFILE_ERROR, code, "%s: %s", where, message);
}

/* Where @node starts. Past line 65535 libxml2 (parsing with
 * XML_PARSE_BIG_LINES) keeps the line only on text nodes, as the line
 * where each ends, and finds an element's through its first child: a
 * break in that text puts it a line too far for each break. An empty
 * element's is found the same way through the text after it. */
static long
node_line (xmlNode *node)
{
  xmlNode *text = NULL;
  long line;

  if (node == NULL)
    return 0;
  if (node->type != XML_ELEMENT_NODE || node->line != 65535)
    return xmlGetLineNo (node);

  if (node->children != NULL)
    text = node->children->type == XML_TEXT_NODE ? node->children : NULL;
  else if (node->next != NULL && node->next->type == XML_TEXT_NODE)
    text = node->next;
  if (text == NULL)
    return xmlGetLineNo (node);

  line = xmlGetLineNo (text);
  for (const xmlChar *p = text->content; p != NULL && *p != '\0'; p++)
    if (*p == '\n')
      line--;
  return line;
}

/* "NAME:LINE: message", at an element */
G_GNUC_PRINTF (4, 5)
static void
fail_at (ReadContext *ctx,
         xmlNode     *node,
         int          code,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup_printf ("%s:%ld", ctx->name, node_line (node)), format, args);
  va_end (args);
}

/* "NAME:LINE: message" */
G_GNUC_PRINTF (4, 5)
static void
fail_at_line (ReadContext *ctx,
              int          line,
              int          code,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup_printf ("%s:%d", ctx->name, line), format, args);
  va_end (args);
}

/* "NAME:LINE:COLUMN: message", where the parser stopped */
G_GNUC_PRINTF (5, 6)
static void
fail_at_position (ReadContext *ctx,
                  int          line,
                  int          column,
                  int          code,
                  const char  *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup_printf ("%s:%d:%d", ctx->name, line, column), format, args);
  va_end (args);
}

/* "NAME: message", about the file as a whole */
G_GNUC_PRINTF (3, 4)
static void
fail (ReadContext *ctx,
      int          code,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup (ctx->name), format, args);
  va_end (args);
}

/* How many warnings a document gets, at most, before one that says there
 * were more. */
#define MAX_WARNINGS 100

G_GNUC_PRINTF (3, 4)
static void
warn_at (ReadContext *ctx,
         xmlNode     *node,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  /* A document of a million ignored elements says so once, not a million
   * times. */
  if (ctx->warnings->len > MAX_WARNINGS)
    return;
  if (ctx->warnings->len == MAX_WARNINGS)
    {
      g_ptr_array_add (ctx->warnings,
                       g_strdup_printf (_("%s:%ld: more was ignored; only the first %u are listed"),
                                        ctx->name, node_line (node), MAX_WARNINGS));
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (ctx->warnings,
                   g_strdup_printf ("%s:%ld: %s", ctx->name, node_line (node), message));
}

/* The parser, locked down. */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Nothing outside the document is ever read: no DTD, no entity, no URL. */
  return NULL;
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

/* The document is checked and read one case at a time while it is parsed
 * (see "Reading as the parser goes" below), so that the tree never holds
 * more than one case. */
typedef struct _Stream Stream;

static void stream_root_started (Stream  *stream,
                                 xmlDoc  *doc,
                                 xmlNode *root);
static void stream_child_done   (Stream  *stream,
                                 xmlNode *child);
static void stream_foreign_done (Stream  *stream,
                                 xmlNode *node);
static gboolean is_casefile_node (xmlNode *node);

typedef struct {
  ReadContext *ctx;
  Stream *stream;
  gboolean forbidden;
  int line;
  int column;
  char *message;
} ParseState;

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  xmlSAX2StartElementNs (ctxt, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
  if (ctxt->node != NULL && ctxt->node->parent != NULL &&
      ctxt->node->parent->type == XML_DOCUMENT_NODE)
    stream_root_started (state->stream, ctxt->myDoc, ctxt->node);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  xmlNode *node = ctxt->node;

  xmlSAX2EndElementNs (ctxt, localname, prefix, uri);
  if (node == NULL || node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
    return;
  /* A child of the root is complete. */
  if (node->parent->parent != NULL && node->parent->parent->type == XML_DOCUMENT_NODE)
    stream_child_done (state->stream, node);
  /* Deeper, an element of another vocabulary under one of the casefile's
   * is ignored at once, so that a case holding a million of them never
   * holds them all. */
  else if (node->type == XML_ELEMENT_NODE && !is_casefile_node (node) &&
           is_casefile_node (node->parent))
    {
      stream_foreign_done (state->stream, node);
      /* The text before it may now be its parent's last child: text that
       * follows is joined to it the slow, safe way, not by libxml2's
       * bookkeeping of the last text node it made. */
      ctxt->nodelen = 0;
      ctxt->nodemem = 0;
    }
}

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->message != NULL || state->forbidden || error->level < XML_ERR_ERROR)
    return;

  state->line = error->line;
  state->column = error->int2;
  state->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (!state->forbidden)
    {
      state->forbidden = TRUE;
      g_free (state->message);
      state->line = xmlSAX2GetLineNumber (ctxt);
      state->column = xmlSAX2GetColumnNumber (ctxt);
      state->message = g_strdup_printf (_("the document declares the entity “%s”; casefiles "
                                          "may not declare entities, so it was not read"),
                                        (const char *) name);
    }
  xmlStopParser (ctxt);
}

/* A <!DOCTYPE> is refused whole, before its internal subset is read: besides
 * entities it can declare default attribute values, which the parser would
 * hand to the reader without the schema ever seeing them, and it can name
 * an external DTD. Casefiles never have one. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (!state->forbidden)
    {
      state->forbidden = TRUE;
      g_free (state->message);
      state->line = xmlSAX2GetLineNumber (ctxt);
      state->column = xmlSAX2GetColumnNumber (ctxt);
      state->message = g_strdup (_("the document has a document type declaration "
                                   "(<!DOCTYPE>), which can declare entities and hidden "
                                   "default values; casefiles may not have one, so it was "
                                   "not read"));
    }
  xmlStopParser (ctxt);
}

static const char *
describe_parse_error (const char *libxml_message)
{
  if (strstr (libxml_message, "Premature end") != NULL ||
      strstr (libxml_message, "EndTag") != NULL ||
      strstr (libxml_message, "not properly terminated") != NULL ||
      strstr (libxml_message, "Extra content") != NULL)
    return _("the document is cut short or broken (is the file complete?)");
  if (strstr (libxml_message, "Detected an entity reference loop") != NULL ||
      strstr (libxml_message, "Entity") != NULL)
    return _("the document uses entities, which casefiles may not use");
  if (strstr (libxml_message, "Excessive depth") != NULL)
    return _("the document is nested too deeply to be a casefile");
  return NULL;
}

/* The bytes handed to libxml2 a piece at a time, from memory or from a
 * stream: given them whole, it would first copy them all, and a file need
 * never be whole in memory. On the way, a casefile's bytes are checked for
 * what the bytes alone can tell: size, compression, UTF-8. */
typedef enum {
  FEED_OK,
  FEED_TOO_LARGE,
  FEED_COMPRESSED,
  FEED_NOT_UTF8,
  FEED_IO,
} FeedProblem;

typedef struct {
  /* where the bytes come from: memory ... */
  const char *data;
  gsize left;
  /* ... or a stream */
  GInputStream *in;
  GError *io_error;

  /* what is checked, unless @check is FALSE */
  gboolean check;
  gsize max_bytes;
  gsize seen;             /* bytes handed over so far */
  gboolean ended;         /* the source said it had no more */
  guchar head[2];         /* the first two bytes, for gzip's signature */
  guint n_head;
  guchar pending[4];      /* a character the last piece cut in two */
  guint n_pending;
  gsize pending_at;
  FeedProblem problem;
  gsize problem_at;       /* where the text stopped being UTF-8 */
  gboolean started;       /* the first bytes have been handed over */
} Feed;

/* Whether the @n bytes at @p are a whole character (1), its start (0), or
 * neither (-1). U+0000 is never allowed. */
static int
utf8_char_state (const guchar *p,
                 gsize         n)
{
  gunichar c;

  if (memchr (p, '\0', n) != NULL)
    return -1;
  c = g_utf8_get_char_validated ((const char *) p, (gssize) n);
  if (c == (gunichar) -2)
    return n < 4 ? 0 : -1;
  return c == (gunichar) -1 ? -1 : 1;
}

static gboolean
feed_refuse (Feed        *feed,
             FeedProblem  problem,
             gsize        at)
{
  feed->problem = problem;
  feed->problem_at = at;
  return FALSE;
}

/* Checks the next @n bytes; @n is 0 at the end. */
static gboolean
feed_check (Feed         *feed,
            const guchar *piece,
            gsize         n)
{
  const char *end = NULL;
  gsize i = 0;

  if (n == 0)
    return feed->n_pending == 0 || feed_refuse (feed, FEED_NOT_UTF8, feed->pending_at);

  if (n > feed->max_bytes - MIN (feed->seen, feed->max_bytes))
    return feed_refuse (feed, FEED_TOO_LARGE, feed->seen);

  /* gzip's signature, before anything else is said of the bytes */
  for (gsize h = 0; feed->n_head < 2 && h < n; h++)
    {
      feed->head[feed->n_head++] = piece[h];
      if (feed->n_head == 2 && feed->head[0] == 0x1f && feed->head[1] == 0x8b)
        return feed_refuse (feed, FEED_COMPRESSED, 0);
    }

  /* the end of a character the last piece began */
  if (feed->n_pending > 0)
    {
      int state = 0;

      while (state == 0 && i < n)
        {
          feed->pending[feed->n_pending++] = piece[i++];
          state = utf8_char_state (feed->pending, feed->n_pending);
        }
      if (state < 0)
        return feed_refuse (feed, FEED_NOT_UTF8, feed->pending_at);
      if (state > 0)
        feed->n_pending = 0;
    }

  if (i < n && !g_utf8_validate_len ((const char *) piece + i, n - i, &end))
    {
      gsize at = (gsize) ((const guchar *) end - piece);
      gsize rest = n - at;

      if (rest >= G_N_ELEMENTS (feed->pending) || utf8_char_state (piece + at, rest) != 0)
        return feed_refuse (feed, FEED_NOT_UTF8, feed->seen + at);
      memcpy (feed->pending, piece + at, rest);
      feed->n_pending = (guint) rest;
      feed->pending_at = feed->seen + at;
    }

  feed->seen += n;
  return TRUE;
}

static int
feed_read_cb (void *context,
              char *buffer,
              int   len)
{
  Feed *feed = context;
  gsize n = 0;

  if (feed->problem != FEED_OK)
    return -1;
  if (len <= 0)
    return 0;

  if (feed->in != NULL)
    {
      gssize got = g_input_stream_read (feed->in, buffer, (gsize) len, NULL, &feed->io_error);

      if (got < 0)
        {
          feed->problem = FEED_IO;
          return -1;
        }
      n = (gsize) got;
    }
  else
    {
      n = MIN (feed->left, (gsize) len);
      /* an empty document may have no bytes to point at, not even with
       * an offset of 0 */
      if (n > 0)
        {
          memcpy (buffer, feed->data, n);
          feed->data += n;
          feed->left -= n;
        }
    }

  /* A byte-order mark, which some editors put before UTF-8 text: the
   * parser, told the text is UTF-8, would take it for content. */
  if (!feed->started && n >= 3 && memcmp (buffer, "\xef\xbb\xbf", 3) == 0)
    {
      memmove (buffer, buffer + 3, n - 3);
      n -= 3;
      feed->started = TRUE;
      if (n == 0)
        return feed_read_cb (context, buffer, len);
    }
  feed->started = TRUE;

  feed->ended = n == 0;
  if (feed->check && !feed_check (feed, (const guchar *) buffer, n))
    return -1;
  return (int) n;
}

static int
feed_close_cb (void *context)
{
  return 0;
}

/* Whatever the parser left unread, read and checked: a casefile is
 * refused for its bytes wherever they are. */
static void
feed_drain (Feed *feed)
{
  char buffer[16384];

  while (!feed->ended && feed->problem == FEED_OK)
    if (feed_read_cb (feed, buffer, sizeof buffer) < 0)
      break;
}

static xmlDoc *
parse_feed (xmlParserCtxt *ctxt,
            Feed          *feed,
            const char    *name,
            int            options)
{
  return xmlCtxtReadIO (ctxt, feed_read_cb, feed_close_cb, feed, name, "UTF-8", options);
}

/**
 * cw_casefile_parse_stream:
 * @ctxt: a parser context, with whatever SAX handlers the caller wants
 *
 * Parses what @in gives as UTF-8 with xmlCtxtReadIO(), a piece at a time,
 * as the reader parses a file, without the reader's checks of the bytes.
 * @options are xmlParserOption flags.
 */
xmlDoc *
cw_casefile_parse_stream (xmlParserCtxt *ctxt,
                          GInputStream  *in,
                          const char    *name,
                          int            options)
{
  Feed feed = { .in = in };
  xmlDoc *doc = parse_feed (ctxt, &feed, name, options);

  g_clear_error (&feed.io_error);
  return doc;
}

/* Line and column, from 1, of the byte at @offset: counted again from the
 * start, since only a refused document needs them. */
typedef struct {
  int line;
  int column;
} Position;

static void
position_advance (Position   *pos,
                  const char *p,
                  gsize       n)
{
  for (const char *end = p + n; p < end; p++)
    {
      if (*p == '\n')
        pos->line++, pos->column = 1;
      else if (((guchar) *p & 0xc0) != 0x80)
        pos->column++;
    }
}

static gboolean
position_in_file (GFile    *file,
                  gsize     offset,
                  Position *pos)
{
  g_autoptr(GFileInputStream) in = NULL;
  char buffer[65536];

  /* a pipe cannot be read twice, and opening it again would wait for
   * someone to write to it */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return FALSE;

  in = g_file_read (file, NULL, NULL);
  while (in != NULL && offset > 0)
    {
      gssize got = g_input_stream_read (G_INPUT_STREAM (in), buffer, MIN (offset, sizeof buffer),
                                        NULL, NULL);

      if (got <= 0)
        return FALSE;
      position_advance (pos, buffer, (gsize) got);
      offset -= (gsize) got;
    }
  return in != NULL;
}

/* The feed's refusal, if it made one: it comes before what the parser
 * made of a document cut short by it. @start and @file are where the
 * document came from, to say where its text went wrong. */
static gboolean
feed_failed (ReadContext *ctx,
             Feed        *feed,
             const char  *start,
             GFile       *file)
{
  Position pos = { 1, 1 };

  switch (feed->problem)
    {
    case FEED_OK:
      return FALSE;

    case FEED_TOO_LARGE:
      fail (ctx, CW_CASEFILE_ERROR_TOO_LARGE,
            _("the file is more than %" G_GSIZE_FORMAT " bytes; Casework reads casefiles of up "
              "to %" G_GSIZE_FORMAT " bytes"), feed->max_bytes, feed->max_bytes);
      return TRUE;

    case FEED_COMPRESSED:
      fail (ctx, CW_CASEFILE_ERROR_NOT_CASEFILE, "%s",
            _("the file is compressed; unpack it and import the XML document inside"));
      return TRUE;

    case FEED_NOT_UTF8:
      if (start != NULL)
        position_advance (&pos, start, feed->problem_at);
      if (start != NULL || (file != NULL && position_in_file (file, feed->problem_at, &pos)))
        fail_at_position (ctx, pos.line, pos.column, CW_CASEFILE_ERROR_MALFORMED, "%s",
                          _("the text is not valid UTF-8; casefiles are always written in UTF-8"));
      else
        fail (ctx, CW_CASEFILE_ERROR_MALFORMED,
              _("the text is not valid UTF-8 from byte %" G_GSIZE_FORMAT "; casefiles are "
                "always written in UTF-8"), feed->problem_at + 1);
      return TRUE;

    case FEED_IO:
      fail (ctx, CW_CASEFILE_ERROR_IO, "%s", feed->io_error->message);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static xmlDoc *
parse_checked (ReadContext *ctx,
               Stream      *stream,
               Feed        *feed,
               const char  *start,
               GFile       *file)
{
  ParseState state = { ctx, stream };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  const char *words;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      fail (ctx, CW_CASEFILE_ERROR_IO, "%s", _("out of memory"));
      return NULL;
    }
  ctxt->_private = &state;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;

  /* See CW_CASEFILE_PARSE_OPTIONS for what is deliberately left out. */
  feed->check = TRUE;
  doc = parse_feed (ctxt, feed, ctx->name, CW_CASEFILE_PARSE_OPTIONS);
  feed_drain (feed);

  /* What the cases said waits in @stream: a document that is not
   * well-formed is refused for that, whatever it is. */
  if (feed_failed (ctx, feed, start, file))
    ;
  else if (state.forbidden)
    fail_at_position (ctx, state.line, state.column, CW_CASEFILE_ERROR_FORBIDDEN, "%s",
                      state.message);
  else if (doc == NULL || !ctxt->wellFormed)
    {
      words = state.message != NULL ? describe_parse_error (state.message) : NULL;
      fail_at_position (ctx, state.line, state.column, CW_CASEFILE_ERROR_MALFORMED, "%s%s%s%s",
               words != NULL ? words : _("this is not well-formed XML"),
               state.message != NULL ? " (" : "",
               state.message != NULL ? state.message : "",
               state.message != NULL ? ")" : "");
    }

  g_free (state.message);
  xmlFreeParserCtxt (ctxt);

  if (ctx->error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  return doc;
}

static gboolean
is_casefile_node (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, CW_CASEFILE_NAMESPACE) == 0;
}

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return is_casefile_node (node) && g_strcmp0 ((const char *) node->name, name) == 0;
}

/* The value of the attribute @name in no namespace, as xmlGetNoNsProp()
 * gives it, without a copy where the parser left it as one piece of text
 * (it always does here: the document has no entities). @found says
 * whether the attribute is there; a value in pieces is given NULL. */
static const char *
peek_attr (xmlNode    *node,
           const char *name,
           gboolean   *found)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && g_str_equal ((const char *) attr->name, name))
      {
        *found = TRUE;
        if (attr->children == NULL)
          return "";
        if (attr->children->next == NULL && attr->children->type == XML_TEXT_NODE &&
            attr->children->content != NULL)
          return (const char *) attr->children->content;
        return NULL;
      }
  *found = FALSE;
  return NULL;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  gboolean found;
  const char *text = peek_attr (node, name, &found);
  xmlChar *value;
  char *copy;

  if (!found || text != NULL)
    return g_strdup (text);

  value = xmlGetNoNsProp (node, BAD_CAST name);
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The root, its namespace and its version. Returns the minor version. */
static int
check_root (ReadContext *ctx,
            xmlDoc      *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;
  guint64 major = 0, minor = 0;
  g_auto(GStrv) parts = NULL;

  if (root == NULL)
    {
      fail (ctx, CW_CASEFILE_ERROR_NOT_CASEFILE, "%s", _("the document is empty"));
      return -1;
    }

  if (g_strcmp0 ((const char *) root->name, "casefile") != 0)
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_NOT_CASEFILE,
               _("this is not a casefile document: it starts with <%s>, not <casefile>"),
               (const char *) root->name);
      return -1;
    }

  if (!is_casefile_node (root))
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_NOT_CASEFILE,
               _("this is not a casefile document: <casefile> is not in the namespace %s"),
               CW_CASEFILE_NAMESPACE);
      return -1;
    }

  version = get_attr (root, "version");
  if (version == NULL)
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_INVALID, "%s",
               _("the document does not say which version of the casefile format it is"));
      return -1;
    }

  parts = g_strsplit (version, ".", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 999, &major, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 999, &minor, NULL))
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_VERSION,
               _("“%s” is not a version of the casefile format"), version);
      return -1;
    }

  if (major != 1)
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_VERSION,
               _("the document is in version %s of the casefile format; this Casework reads "
                 "version 1 documents only"), version);
      return -1;
    }

  return (int) minor;
}

static const KnownElement *
find_known (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    if (g_strcmp0 (known_elements[i].element, name) == 0)
      return &known_elements[i];
  return NULL;
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  return g_strv_contains (names, name);
}

/* Whether @child of an element known as @known is one this reader does
 * not know, and is to be ignored with the warning given here. */
static gboolean
warn_if_unknown (ReadContext        *ctx,
                 const KnownElement *known,
                 xmlNode            *child,
                 gboolean            newer_minor)
{
  gboolean foreign = !is_casefile_node (child);
  gboolean unknown = !foreign && newer_minor &&
                     (known == NULL || !name_in ((const char *) child->name, known->children));

  if (foreign)
    warn_at (ctx, child, _("<%s> is from another vocabulary and was ignored"),
             (const char *) child->name);
  else if (unknown)
    warn_at (ctx, child, _("<%s> is from a newer version of the casefile format "
                           "and was ignored"), (const char *) child->name);
  return foreign || unknown;
}

/* Removes what this reader does not know: elements and attributes of other
 * namespaces always, and in a newer minor version the casefile namespace's
 * additions. Each removal is a warning. */
static void
strip_unknown (ReadContext *ctx,
               xmlNode     *element,
               gboolean     newer_minor)
{
  const KnownElement *known = find_known ((const char *) element->name);
  xmlAttr *attr = element->properties;
  xmlNode *child = element->children;

  while (attr != NULL)
    {
      xmlAttr *next = attr->next;
      gboolean foreign = attr->ns != NULL;
      gboolean unknown = !foreign && newer_minor &&
                         (known == NULL || !name_in ((const char *) attr->name, known->attributes));

      if (foreign || unknown)
        {
          warn_at (ctx, element, _("the attribute “%s” of <%s> is not known to this Casework "
                                   "and was ignored"),
                   (const char *) attr->name, (const char *) element->name);
          xmlRemoveProp (attr);
        }
      attr = next;
    }

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ELEMENT_NODE)
        {
          if (warn_if_unknown (ctx, known, child, newer_minor))
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          else
            strip_unknown (ctx, child, newer_minor);
        }
      child = next;
    }
}

/* Validation against data/casefile.rng, compiled once. */

extern GResource *casework_core_get_resource (void);

/* Removes every <param name="pattern"> from the schema. libxml2 2.9
 * compiles a pattern's regular expression anew for every value it checks,
 * which made validation most of the time an import took; the reader checks
 * the same patterns itself after validation (check_patterns()). */
static void
strip_pattern_params (xmlNode *node)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ELEMENT_NODE)
        {
          xmlChar *name = NULL;

          if (xmlStrEqual (child->name, BAD_CAST "param") &&
              (name = xmlGetNoNsProp (child, BAD_CAST "name")) != NULL &&
              xmlStrEqual (name, BAD_CAST "pattern"))
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          else
            strip_pattern_params (child);
          xmlFree (name);
        }
      child = next;
    }
}

typedef struct {
  xmlRelaxNGPtr cases;     /* one <case>, as the root */
  xmlRelaxNGPtr skeleton;  /* the document, each <case> emptied */
} Schemas;

static xmlNode *
find_rng_element (xmlNode    *node,
                  const char *element,
                  const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST element))
        {
          xmlChar *value = xmlGetNoNsProp (node, BAD_CAST "name");
          gboolean match = name == NULL || xmlStrEqual (value, BAD_CAST name);

          xmlFree (value);
          if (match)
            return node;
        }
      if ((found = find_rng_element (node->children, element, name)) != NULL)
        return found;
    }
  return NULL;
}

static xmlRelaxNGPtr
compile_schema (xmlDoc *doc)
{
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewDocParserCtxt (doc);
  xmlRelaxNGPtr compiled = xmlRelaxNGParse (parser);

  xmlRelaxNGFreeParserCtxt (parser);
  g_assert (compiled != NULL);
  return compiled;
}

/* data/casefile.rng, compiled twice from a copy in memory, both without
 * patterns: once starting at <case>, to validate each case as it is
 * parsed, and once with <case> defined as an empty element, to validate
 * the document around the cases once it is parsed. Between them they
 * check everything the schema does. */
static const Schemas *
get_schemas (void)
{
  static Schemas *schemas = NULL;

  if (g_once_init_enter (&schemas))
    {
      Schemas *compiled = g_new0 (Schemas, 1);
      g_autoptr(GBytes) bytes = NULL;
      xmlDoc *doc;
      xmlNode *node;
      gsize size;
      const char *data;

      bytes = g_resource_lookup_data (casework_core_get_resource (),
                                      "/org/example/Casework/core/casefile.rng",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      /* Our own schema, from our own resource: still no network. */
      doc = xmlReadMemory (data, (int) size, "casefile.rng", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      g_assert (doc != NULL);
      strip_pattern_params (xmlDocGetRootElement (doc));

      /* <start><ref name="case"/></start> */
      node = find_rng_element (xmlDocGetRootElement (doc), "start", NULL);
      g_assert (node != NULL);
      node = find_rng_element (node->children, "ref", "casefile");
      g_assert (node != NULL);
      xmlSetProp (node, BAD_CAST "name", BAD_CAST "case");
      compiled->cases = compile_schema (doc);
      xmlSetProp (node, BAD_CAST "name", BAD_CAST "casefile");

      /* <define name="case"><element name="case"><empty/></element></define> */
      node = find_rng_element (xmlDocGetRootElement (doc), "define", "case");
      g_assert (node != NULL);
      xmlFreeNodeList (node->children);
      node->children = node->last = NULL;
      node = xmlNewChild (node, node->ns, BAD_CAST "element", NULL);
      xmlSetProp (node, BAD_CAST "name", BAD_CAST "case");
      xmlNewChild (node, node->ns, BAD_CAST "empty", NULL);
      compiled->skeleton = compile_schema (doc);

      xmlFreeDoc (doc);
      g_once_init_leave (&schemas, compiled);
    }

  return schemas;
}

/* The schema's patterns, checked by hand: each function matches the
 * whole value against the <param name="pattern"> of data/casefile.rng
 * named beside it (XML Schema patterns are anchored at both ends). */

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_lower_hex (char c)
{
  return is_digit (c) || (c >= 'a' && c <= 'f');
}

static gboolean
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* @n digits, forming a number from @min to @max */
static gboolean
digits_in (const char *p,
           int         n,
           int         min,
           int         max)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!is_digit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  return value >= min && value <= max;
}

/* [0-9]+ */
static gboolean
matches_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!is_digit (*text))
      return FALSE;
  return TRUE;
}

/* [0-9]+\.[0-9]+ */
static gboolean
matches_version (const char *text)
{
  const char *dot = strchr (text, '.');
  g_autofree char *major = NULL;

  if (dot == NULL)
    return FALSE;
  major = g_strndup (text, dot - text);
  return matches_digits (major) && matches_digits (dot + 1);
}

/* [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} */
static gboolean
matches_uuid (const char *text)
{
  for (int i = 0; i < 36; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? text[i] != '-' : !is_lower_hex (text[i]))
        return FALSE;
    }
  return text[36] == '\0';
}

/* [0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)? */
static gboolean
matches_date (const char *text)
{
  if (!digits_in (text, 4, 0, 9999))
    return FALSE;
  if (text[4] == '\0')
    return TRUE;
  if (text[4] != '-' || !digits_in (text + 5, 2, 1, 12))
    return FALSE;
  if (text[7] == '\0')
    return TRUE;
  return text[7] == '-' && digits_in (text + 8, 2, 1, 31) && text[10] == '\0';
}

/* [0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z */
static gboolean
matches_timestamp (const char *text)
{
  g_autofree char *day = g_strndup (text, 10);

  return strlen (day) == 10 && matches_date (day) && day[7] == '-' &&
         text[10] == 'T' && digits_in (text + 11, 2, 0, 23) &&
         text[13] == ':' && digits_in (text + 14, 2, 0, 59) &&
         text[16] == ':' && digits_in (text + 17, 2, 0, 59) &&
         text[19] == 'Z' && text[20] == '\0';
}

/* [A-Z]{2} */
static gboolean
matches_country_code (const char *text)
{
  return text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'A' && text[1] <= 'Z' &&
         text[2] == '\0';
}

/* [a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})* */
static gboolean
matches_language (const char *text)
{
  const char *p = text;
  int n;

  for (n = 0; is_alpha (*p); p++)
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (*p == '-')
    {
      p++;
      for (n = 0; is_alpha (*p) || is_digit (*p); p++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }
  return *p == '\0';
}

/* [a-z\-]+ */
static gboolean
matches_kind (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!((*text >= 'a' && *text <= 'z') || *text == '-'))
      return FALSE;
  return TRUE;
}

/* (yes|no|restricted)(: ?[^ ].*)? on the value collapsed as xs:token is:
 * white space trimmed and each run of it made one space. After that, a
 * character after the colon and the optional space is never a space and
 * never a line break, so "." and "[^ ]" match whatever is there. */
static gboolean
matches_access (const char *text)
{
  static const char * const values[] = { "restricted", "yes", "no" };
  g_autoptr(GString) token = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        space = token->len > 0;
      else
        {
          if (space)
            g_string_append_c (token, ' ');
          g_string_append_c (token, *p);
          space = FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (g_str_has_prefix (token->str, values[i]))
      {
        const char *rest = token->str + strlen (values[i]);

        if (*rest == '\0')
          return TRUE;
        if (*rest != ':')
          return FALSE;
        rest++;
        if (*rest == ' ')
          rest++;
        return *rest != '\0' && *rest != ' ';
      }
  return FALSE;
}

typedef enum {
  PATTERN_VERSION,
  PATTERN_UUID,
  PATTERN_DATE,
  PATTERN_TIMESTAMP,
  PATTERN_COUNTRY_CODE,
  PATTERN_LANGUAGE,
  PATTERN_ACCESS,
  PATTERN_KIND,
  PATTERN_COUNT,
} PatternType;

/* Where data/casefile.rng puts a pattern: an attribute of an element, or
 * an element's text (attribute NULL). In a document the schema accepted,
 * each of these names can only be where the schema puts it. */
static const struct {
  const char *element;
  const char *attribute;
  PatternType type;
} patterned[] = {
  { "casefile", "version", PATTERN_VERSION },
  { "casefile", "exported", PATTERN_TIMESTAMP },
  { "issued", NULL, PATTERN_DATE },
  { "case", "id", PATTERN_UUID },
  { "case", "modified", PATTERN_TIMESTAMP },
  { "urgent-action", "issued", PATTERN_DATE },
  { "urgent-action", "deadline", PATTERN_DATE },
  { "urgent-action", "sequence", PATTERN_COUNT },
  { "country", "code", PATTERN_COUNTRY_CODE },
  { "opened", NULL, PATTERN_DATE },
  { "closed", NULL, PATTERN_DATE },
  { "born", NULL, PATTERN_DATE },
  { "arrested", NULL, PATTERN_DATE },
  { "legal-access", NULL, PATTERN_ACCESS },
  { "family-access", NULL, PATTERN_ACCESS },
  { "holder", "from", PATTERN_DATE },
  { "holder", "to", PATTERN_DATE },
  { "target", "language", PATTERN_LANGUAGE },
  { "model-letter", "language", PATTERN_LANGUAGE },
  { "entry", "id", PATTERN_UUID },
  { "entry", "date", PATTERN_DATE },
  { "entry", "kind", PATTERN_KIND },
  { "entry", "count", PATTERN_COUNT },
};

static gboolean
matches_pattern (PatternType  type,
                 const char  *value)
{
  switch (type)
    {
    case PATTERN_VERSION:
      return matches_version (value);
    case PATTERN_UUID:
      return matches_uuid (value);
    case PATTERN_DATE:
      return matches_date (value);
    case PATTERN_TIMESTAMP:
      return matches_timestamp (value);
    case PATTERN_COUNTRY_CODE:
      return matches_country_code (value);
    case PATTERN_LANGUAGE:
      return matches_language (value);
    case PATTERN_ACCESS:
      return matches_access (value);
    case PATTERN_KIND:
      return matches_kind (value);
    case PATTERN_COUNT:
      return matches_digits (value);
    default:
      g_assert_not_reached ();
    }
}

/* A value as a message shows it: line breaks and tabs written \n, \r
 * and \t, so that the message stays on one line. */
static char *
show_value (const char *value)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (shown, "\\n");
      else if (*p == '\r')
        g_string_append (shown, "\\r");
      else if (*p == '\t')
        g_string_append (shown, "\\t");
      else
        g_string_append_c (shown, *p);
    }
  return g_string_free (shown, FALSE);
}

/* What is wrong, in words: @attribute is NULL for the element's text. */
static char *
explain_pattern (PatternType  type,
                 const char  *element,
                 const char  *attribute,
                 const char  *raw_value)
{
  g_autofree char *value = show_value (raw_value);
  g_autofree char *where = attribute != NULL
    ? g_strdup_printf (_("the %s of <%s>"), attribute, element)
    : g_strdup_printf (_("<%s>"), element);

  switch (type)
    {
    case PATTERN_VERSION:
      return g_strdup_printf (_("“%s” is not a version of the casefile format (write it as "
                                "MAJOR.MINOR, such as 1.0)"), value);
    case PATTERN_UUID:
      return g_strdup_printf (_("“%s” is not an id: ids are UUIDs written in lower case, such as "
                                "0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d"), value);
    case PATTERN_DATE:
      return g_strdup_printf (_("%s, “%s”, is not a date (write YYYY-MM-DD, YYYY-MM or YYYY, "
                                "with nothing around it)"), where, value);
    case PATTERN_TIMESTAMP:
      return g_strdup_printf (_("%s, “%s”, is not a time (write YYYY-MM-DDTHH:MM:SSZ)"),
                              where, value);
    case PATTERN_COUNTRY_CODE:
      return g_strdup_printf (_("the country code “%s” is not two capital letters, such as "
                                "XX or CO"), value);
    case PATTERN_LANGUAGE:
      return g_strdup_printf (_("%s, “%s”, is not a language tag such as en, pt-BR or es-419"),
                              where, value);
    case PATTERN_ACCESS:
      return g_strdup_printf (_("%s says “%s”: write yes, no or restricted, optionally "
                                "followed by a colon and an explanation"), where, value);
    case PATTERN_KIND:
      return g_strdup_printf (_("%s, “%s”, is not a kind: kinds are written in lower-case "
                                "letters and hyphens, such as phone-call"), where, value);
    case PATTERN_COUNT:
      return g_strdup_printf (_("%s, “%s”, is not a whole number written in digits"),
                              where, value);
    default:
      g_assert_not_reached ();
    }
}

/* After validation: every patterned value the schema left to us. */
static void
check_patterns (ReadContext *ctx,
                xmlNode     *node,
                int         *line)
{
  const char *name;

  if (node->type != XML_ELEMENT_NODE)
    return;
  name = (const char *) node->name;

    {

      for (guint i = 0; i < G_N_ELEMENTS (patterned) && ctx->error == NULL; i++)
        {
          xmlChar *value = NULL;
          const char *text = NULL;
          gboolean found = TRUE;

          if (name[0] != patterned[i].element[0] || !g_str_equal (name, patterned[i].element))
            continue;
          if (patterned[i].attribute != NULL)
            {
              text = peek_attr (node, patterned[i].attribute, &found);
              if (found && text == NULL)
                text = (const char *) (value = xmlGetNoNsProp (node, BAD_CAST patterned[i].attribute));
            }
          else if (node->children != NULL && node->children->next == NULL &&
                   node->children->type == XML_TEXT_NODE)
            text = (const char *) node->children->content;
          else
            text = (const char *) (value = xmlNodeGetContent (node));
          if (found && text != NULL && !matches_pattern (patterned[i].type, text))
            {
              g_autofree char *explanation =
                explain_pattern (patterned[i].type, name, patterned[i].attribute, text);

              fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, "%s", explanation);
              *line = (int) node_line (node);
            }
          xmlFree (value);
        }

      for (xmlNode *child = node->children; child != NULL && ctx->error == NULL;
           child = child->next)
        check_patterns (ctx, child, line);
    }
}

/* Values, after validation: the checks the schema cannot make. */

/* The element's text, trimmed. */
static char *
get_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  /* The usual case, one piece of text, without the round trip through a
   * buffer. */
  if (node->children == NULL)
    return g_strdup ("");
  if (node->children->next == NULL && node->children->type == XML_TEXT_NODE &&
      node->children->content != NULL)
    return g_strstrip (g_strdup ((const char *) node->children->content));

  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  return text;
}

/* Whether get_text() would give "", without making the text. */
static gboolean
text_is_blank (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          for (const char *p = (const char *) child->content; p != NULL && *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              return FALSE;
        }
      else if (child->type == XML_ELEMENT_NODE || child->type == XML_ENTITY_REF_NODE)
        {
          g_autofree char *text = get_text (node);

          return *text == '\0';
        }
    }
  return TRUE;
}

typedef struct {
  int line;
  xmlNode *node;
  char *message;
} ValidationError;

static void
validation_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  ValidationError *first = user_data;

  if (first->message != NULL)
    return;
  first->node = error->node;
  first->line = first->node != NULL ? (int) node_line (first->node) : error->line;
  first->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
}

static const char * const date_attributes[] = { "date", "issued", "deadline", "from", "to", NULL };
static const char * const regions[] = {
  "africa", "americas", "asia-pacific", "europe-central-asia", "middle-east-north-africa", NULL
};

static const char * const date_elements[] = { "issued", "opened", "closed", "born", "arrested", NULL };

/* A UUID in its canonical lower-case form, exactly what the schema's
 * pattern for ids says. */
static gboolean
is_canonical_uuid (const char *text)
{
  return matches_uuid (text);
}

static const struct {
  const char *element;
  const char *attribute;
  const char *values;
} enumerations[] = {
  { "casefile", "scope", "full|public" },
  { "case", "kind", "individual|group|community" },
  { "case", "type", "long-term|urgent-action" },
  { "case", "status", "active|paused|closed" },
  { "reference", "scheme", "ai-index|ua|internal" },
  { "closed", "outcome", "released|resolved|relinquished|ended" },
  { "person", "role", "subject|family|lawyer|other" },
  { "safety", "public-action", "allowed|restricted|forbidden" },
  { "safety", "solidarity", "allowed|forbidden" },
  { "target", "role", "appeal|copy|solidarity" },
  { "entry", "category", "activity|outcome|update" },
  { "entry", "private", "true|false" },
};

static char *
explain_enumeration (xmlNode    *node,
                     const char *name,
                     const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enumerations); i++)
    {
      g_auto(GStrv) values = NULL;
      gsize length = strlen (value);
      const char *p;

      if (!g_str_equal ((const char *) node->name, enumerations[i].element) ||
          !g_str_equal (name, enumerations[i].attribute))
        continue;

      /* One of "a|b|c", without splitting it: this runs for every entry. */
      for (p = enumerations[i].values; p != NULL; p = strchr (p, '|'), p = p != NULL ? p + 1 : NULL)
        if (strncmp (p, value, length) == 0 && (p[length] == '|' || p[length] == '\0'))
          return NULL;

      values = g_strsplit (enumerations[i].values, "|", -1);
      {
        g_autofree char *allowed = g_strjoinv (", ", values);

        return g_strdup_printf (_("“%s” is not a %s of <%s>: use one of %s"),
                                value, name, (const char *) node->name, allowed);
      }
    }
  return NULL;
}

/* Says in plain words what is wrong with an attribute, when it can. */
static char *
explain_attribute (xmlNode *node,
                   xmlAttr *attr)
{
  const char *name = (const char *) attr->name;
  g_autofree char *owned = NULL;
  const char *value;
  gboolean found;
  char *explanation;

  value = peek_attr (node, name, &found);
  if (!found)
    return NULL;
  if (value == NULL)
    value = owned = get_attr (node, name);

  if (g_strv_contains (date_attributes, name) && !cw_date_is_valid_iso (value))
    return g_strdup_printf (_("the %s %s of <%s> is not a real date (write YYYY-MM-DD, YYYY-MM "
                              "or YYYY)"), name, value, (const char *) node->name);
  if (g_str_equal (name, "id") && !is_canonical_uuid (value))
    return g_strdup_printf (_("“%s” is not an id: ids are UUIDs written in lower case, such as "
                              "0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d"), value);
  if (g_str_equal (name, "count") &&
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, NULL, NULL))
    {
      if (*value != '\0' && strspn (value, "0123456789") == strlen (value))
        return g_strdup_printf (_("the count %s is too large: a count goes up to %d"), value,
                                G_MAXINT32);
      return g_strdup_printf (_("the count %s is not a whole number of 0 or more"), value);
    }
  /* Digits that are no sequence (0, or too many); any other characters
   * are the pattern's to explain. */
  if (g_str_equal (name, "sequence") && *value != '\0' &&
      strspn (value, "0123456789") == strlen (value) &&
      !g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT32, NULL, NULL))
    return g_strdup_printf (_("the urgent action’s sequence %s is not a number from 1 to %d"),
                            value, G_MAXINT32);
  if ((explanation = explain_enumeration (node, name, value)) != NULL)
    return explanation;
  if ((g_str_equal (name, "exported") || g_str_equal (name, "modified")) &&
      !cw_timestamp_is_valid (value))
    return g_strdup_printf (_("the time %s is not a real moment (write YYYY-MM-DDTHH:MM:SSZ)"),
                            value);
  return NULL;
}

/* The schema's own words are technical; where the problem is a value we
 * know, say what is wrong with it instead. */
static char *
explain_invalid (xmlNode *node)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      char *explanation = explain_attribute (node, attr);

      if (explanation != NULL)
        return explanation;
    }

  if (g_strv_contains (date_elements, (const char *) node->name))
    {
      g_autofree char *text = get_text (node);

      if (!cw_date_is_valid_iso (text))
        return g_strdup_printf (_("the date %s in <%s> is not a real date (write YYYY-MM-DD, "
                                  "YYYY-MM or YYYY)"), text, (const char *) node->name);
    }

  if (g_str_equal ((const char *) node->name, "region"))
    {
      g_autofree char *text = get_text (node);

      if (text == NULL || !g_strv_contains (regions, text))
        {
          g_autofree char *allowed = g_strjoinv (", ", (GStrv) regions);

          return g_strdup_printf (_("“%s” is not a region: use one of %s"),
                                  text != NULL ? text : "", allowed);
        }
    }

  return NULL;
}

/* The attributes the schema requires, said in plain words when missing
 * instead of libxml2's "failed to validate attributes". */
static const struct {
  const char *element;
  const char *attribute;
} required_attributes[] = {
  { "case", "id" },
  { "entry", "id" },
  { "entry", "date" },
  { "country", "code" },
  { "holder", "from" },
  { "closed", "outcome" },
};

static const struct {
  const char *element;
  const char *child;
} required_children[] = {
  { "casefile", "case" },
  { "case", "title" },
  { "case", "country" },
  { "case", "summary" },
  { "entry", "title" },
  { "person", "name" },
  { "target", "address" },
  { "target", "salutation" },
};

/* Required text that may not be blank either: the store needs a case's and
 * an entry's title, and the writer cannot export a person, coordinator or
 * holder without a name or a letter target without a salutation, so a
 * document with one blank would go in and never come out again. */
static const struct {
  const char *element;
  const char *child;
} required_text[] = {
  { "case", "title" },
  { "entry", "title" },
  { "person", "name" },
  { "coordinator", "name" },
  { "holder", "name" },
  { "target", "salutation" },
};

static gboolean
has_child (xmlNode    *node,
           const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, name))
      return TRUE;
  return FALSE;
}

static xmlNode *
find_blank_child (xmlNode    *node,
                  const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, name) && text_is_blank (child))
      return child;
  return NULL;
}

/* Before the schema: the common mistakes, in words a casefile holder
 * understands. This only ever refuses; the schema still has the last word. */
static void
explain_own_mistakes (ReadContext *ctx,
                      xmlNode     *node)
{
  g_autofree char *explanation = explain_invalid (node);

  if (explanation != NULL)
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, "%s", explanation);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_attributes); i++)
    if (g_str_equal ((const char *) node->name, required_attributes[i].element) &&
        xmlHasProp (node, BAD_CAST required_attributes[i].attribute) == NULL)
      {
        fail_at (ctx, node, CW_CASEFILE_ERROR_INVALID,
                 _("<%s> has no %s attribute, which it needs"),
                 required_attributes[i].element, required_attributes[i].attribute);
        return;
      }

  for (guint i = 0; i < G_N_ELEMENTS (required_children); i++)
    if (g_str_equal ((const char *) node->name, required_children[i].element) &&
        !has_child (node, required_children[i].child))
      {
        fail_at (ctx, node, CW_CASEFILE_ERROR_INVALID, _("<%s> has no <%s>, which it needs"),
                 required_children[i].element, required_children[i].child);
        return;
      }

  for (guint i = 0; i < G_N_ELEMENTS (required_text); i++)
    if (g_str_equal ((const char *) node->name, required_text[i].element))
      {
        xmlNode *blank = find_blank_child (node, required_text[i].child);

        if (blank != NULL)
          {
            fail_at (ctx, blank, CW_CASEFILE_ERROR_INVALID,
                     _("<%s> in <%s> is empty; it needs some text"),
                     required_text[i].child, required_text[i].element);
            return;
          }
      }
}

static void
explain_common_mistakes (ReadContext *ctx,
                         xmlNode     *node)
{
  explain_own_mistakes (ctx, node);

  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    if (is_casefile_node (child))
      explain_common_mistakes (ctx, child);
}

/* RNG validation of @doc; on a problem, @line says where. */
static gboolean
validate (ReadContext   *ctx,
          xmlRelaxNGPtr  schema,
          xmlDoc        *doc,
          int           *line)
{
  ValidationError first = { 0 };
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (schema);
  g_autofree char *explanation = NULL;
  int result;

  xmlRelaxNGSetValidStructuredErrors (vctxt, validation_error_cb, &first);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (result == 0)
    return TRUE;

  *line = first.line;
  explanation = explain_invalid (first.node);
  if (explanation != NULL)
    fail_at_line (ctx, first.line, CW_CASEFILE_ERROR_VALUE, "%s", explanation);
  else
    fail_at_line (ctx, first.line, CW_CASEFILE_ERROR_INVALID,
                  _("the document does not follow the casefile format: %s"),
                  first.message != NULL ? first.message : _("unknown problem"));
  g_free (first.message);
  return FALSE;
}

/* Validates one complete <case> where it is, as the root of a document of
 * its own. libxml2 finds the root through the document's children and
 * stops its walk at the node's parent, so the case is lent to a bare
 * document for the time of the validation and given back unchanged. It
 * is the last child of the root so far: nothing follows it yet. */
static gboolean
validate_case (ReadContext *ctx,
               xmlNode     *node,
               int         *line)
{
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *parent = node->parent;
  gboolean valid;

  g_assert (node->next == NULL);
  doc->children = doc->last = node;
  node->parent = (xmlNode *) doc;
  valid = validate (ctx, get_schemas ()->cases, doc, line);
  node->parent = parent;
  doc->children = doc->last = NULL;
  xmlFreeDoc (doc);
  return valid;
}

static char *
date_attr (ReadContext *ctx,
           xmlNode     *node,
           const char  *name,
           const char  *what)
{
  g_autofree char *value = get_attr (node, name);

  if (value != NULL && !cw_date_is_valid_iso (value))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, _("%s %s is not a real date"), what, value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static char *
date_text (ReadContext *ctx,
           xmlNode     *node,
           const char  *what)
{
  g_autofree char *value = get_text (node);

  if (!cw_date_is_valid_iso (value))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, _("%s %s is not a real date"), what, value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static char *
timestamp_attr (ReadContext *ctx,
                xmlNode     *node,
                const char  *name)
{
  g_autofree char *value = get_attr (node, name);

  if (value != NULL && !cw_timestamp_is_valid (value))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
               _("the time %s is not a real moment (write YYYY-MM-DDTHH:MM:SSZ)"), value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static void
check_id (ReadContext *ctx,
          xmlNode     *node,
          const char  *id)
{
  if (g_hash_table_contains (ctx->ids, id))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
               _("the id %s is used twice in this document"), id);
      return;
    }
  g_hash_table_add (ctx->ids, g_strdup (id));
}

static GStrv
read_address (xmlNode *address)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (xmlNode *line = address->children; line != NULL; line = line->next)
    if (node_is (line, "line"))
      {
        g_autofree char *text = get_text (line);

        g_strv_builder_add (builder, text);
      }

  return g_strv_builder_end (builder);
}

static CwContact *
read_contact (xmlNode *node)
{
  CwContact *contact = cw_contact_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "name"))
        contact->name = get_text (child);
      else if (node_is (child, "role"))
        contact->role = get_text (child);
      else if (node_is (child, "organisation"))
        contact->organisation = get_text (child);
      else if (node_is (child, "email"))
        contact->email = get_text (child);
      else if (node_is (child, "phone"))
        contact->phone = get_text (child);
      else if (node_is (child, "address"))
        contact->address = read_address (child);
      else if (node_is (child, "notes"))
        contact->notes = get_text (child);
    }
  return contact;
}

static CwPerson *
read_person (ReadContext *ctx,
             xmlNode     *node)
{
  CwPerson *person = cw_person_new ();

  person->role = get_attr (node, "role");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "name"))
        person->name = get_text (child);
      else if (node_is (child, "other-names"))
        person->other_names = get_text (child);
      else if (node_is (child, "pronouns"))
        person->pronouns = get_text (child);
      else if (node_is (child, "gender"))
        person->gender = get_text (child);
      else if (node_is (child, "born"))
        person->born = date_text (ctx, child, _("the date of birth"));
      else if (node_is (child, "occupation"))
        person->occupation = get_text (child);
      else if (node_is (child, "notes"))
        person->notes = get_text (child);
    }
  return person;
}

/* "restricted: one visit only" → "restricted" and "one visit only" */
static void
read_access (xmlNode  *node,
             char    **value,
             char    **note)
{
  g_autofree char *text = get_text (node);
  char *colon = strchr (text, ':');

  if (colon != NULL)
    {
      *colon = '\0';
      *note = g_strstrip (g_strdup (colon + 1));
    }
  *value = g_strstrip (g_strdup (text));
}

static CwDetention *
read_detention (ReadContext *ctx,
                xmlNode     *node)
{
  CwDetention *detention = cw_detention_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "place"))
        detention->place = get_text (child);
      else if (node_is (child, "arrested"))
        detention->arrested = date_text (ctx, child, _("the date of arrest"));
      else if (node_is (child, "charges"))
        detention->charges = get_text (child);
      else if (node_is (child, "sentence"))
        detention->sentence = get_text (child);
      else if (node_is (child, "health"))
        detention->health = get_text (child);
      else if (node_is (child, "legal-access"))
        read_access (child, &detention->legal_access, &detention->legal_access_note);
      else if (node_is (child, "family-access"))
        read_access (child, &detention->family_access, &detention->family_access_note);
    }
  return detention;
}

static CwTarget *
read_target (xmlNode *node)
{
  CwTarget *target = cw_target_new ();

  target->role = get_attr (node, "role");
  target->language = get_attr (node, "language");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "title"))
        target->title = get_text (child);
      else if (node_is (child, "name"))
        target->name = get_text (child);
      else if (node_is (child, "organisation"))
        target->organisation = get_text (child);
      else if (node_is (child, "address"))
        target->address = read_address (child);
      else if (node_is (child, "email"))
        target->email = get_text (child);
      else if (node_is (child, "salutation"))
        target->salutation = get_text (child);
    }
  return target;
}

static CwEntry *
read_entry (ReadContext          *ctx,
            xmlNode              *node,
            const char           *case_id,
            CwCasefileEntryParts *parts)
{
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *date = date_attr (ctx, node, "date", _("the entry’s date"));
  g_autofree char *category = get_attr (node, "category");
  g_autofree char *kind = get_attr (node, "kind");
  g_autofree char *count = get_attr (node, "count");
  g_autofree char *is_private = get_attr (node, "private");
  int category_value = CW_ENTRY_CATEGORY_ACTIVITY;

  *parts = (kind != NULL ? CW_CASEFILE_ENTRY_HAS_KIND : 0) |
           (count != NULL ? CW_CASEFILE_ENTRY_HAS_COUNT : 0) |
           (is_private != NULL ? CW_CASEFILE_ENTRY_HAS_PRIVATE : 0);
  check_id (ctx, node, id);
  cw_entry_set_id (entry, id);
  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, date);

  if (category != NULL)
    cw_enum_from_nick (CW_TYPE_ENTRY_CATEGORY, category, &category_value);
  cw_entry_set_category (entry, category_value);

  if (kind != NULL && !cw_entry_kind_is_valid (category_value, kind))
    {
      g_autofree char *kinds = g_strjoinv (", ", (GStrv) cw_entry_kinds (category_value));

      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, _("“%s” is not a kind of %s; the kinds are: %s"),
               kind, cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, category_value), kinds);
    }
  cw_entry_set_kind (entry, kind);

  if (count != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT32, &value, NULL))
        fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
                 _("the count %s is not a number from 0 to %d"), count, G_MAXINT32);
      cw_entry_set_count (entry, (gint64) value);
    }

  cw_entry_set_private (entry, g_strcmp0 (is_private, "true") == 0);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "title"))
        {
          g_autofree char *title = get_text (child);
          cw_entry_set_title (entry, title);
        }
      else if (node_is (child, "notes"))
        {
          g_autofree char *notes = get_text (child);
          cw_entry_set_notes (entry, notes);
          *parts |= CW_CASEFILE_ENTRY_HAS_NOTES;
        }
    }

  return g_steal_pointer (&entry);
}

static void
read_case_attributes (ReadContext    *ctx,
                      xmlNode        *node,
                      CwCasefileCase *item)
{
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *kind = get_attr (node, "kind");
  g_autofree char *type = get_attr (node, "type");
  g_autofree char *status = get_attr (node, "status");
  g_autofree char *modified = timestamp_attr (ctx, node, "modified");
  int value;

  check_id (ctx, node, id);
  cw_case_set_id (item->kase, id);

  if (kind != NULL && cw_enum_from_nick (CW_TYPE_CASE_KIND, kind, &value))
    {
      cw_case_set_kind (item->kase, value);
      item->parts |= CW_CASEFILE_HAS_KIND;
    }
  if (type != NULL && cw_enum_from_nick (CW_TYPE_CASE_TYPE, type, &value))
    {
      cw_case_set_case_type (item->kase, value);
      item->parts |= CW_CASEFILE_HAS_TYPE;
    }
  if (status != NULL && cw_enum_from_nick (CW_TYPE_CASE_STATUS, status, &value))
    {
      cw_case_set_status (item->kase, value);
      item->parts |= CW_CASEFILE_HAS_STATUS;
    }
  if (modified != NULL)
    {
      cw_case_set_modified (item->kase, modified);
      item->parts |= CW_CASEFILE_HAS_MODIFIED;
    }
}

static void
read_urgent_action (ReadContext    *ctx,
                    xmlNode        *node,
                    CwCasefileCase *item)
{
  g_autofree char *number = get_attr (node, "number");
  g_autofree char *issued = date_attr (ctx, node, "issued", _("the urgent action’s issue date"));
  g_autofree char *deadline = date_attr (ctx, node, "deadline", _("the urgent action’s deadline"));
  g_autofree char *sequence = get_attr (node, "sequence");
  guint64 value = 0;

  if (sequence != NULL && !g_ascii_string_to_unsigned (sequence, 10, 1, G_MAXINT32, &value, NULL))
    fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
             _("the urgent action’s sequence %s is not a number from 1 to %d"), sequence, G_MAXINT32);

  cw_case_set_ua_number (item->kase, number);
  cw_case_set_ua_issued (item->kase, issued);
  cw_case_set_ua_deadline (item->kase, deadline);
  cw_case_set_ua_sequence (item->kase, (guint) value);
  item->parts |= CW_CASEFILE_HAS_URGENT_ACTION;
}

static void
read_safety (xmlNode        *node,
             CwCasefileCase *item)
{
  g_autofree char *public_action = get_attr (node, "public-action");
  g_autofree char *solidarity = get_attr (node, "solidarity");

  /* Each setting on its own: a document that says nothing of one must
   * not wipe what the group has stored for it. */
  if (public_action != NULL)
    {
      cw_case_set_public_action (item->kase, public_action);
      item->parts |= CW_CASEFILE_HAS_PUBLIC_ACTION;
    }
  if (solidarity != NULL)
    {
      cw_case_set_solidarity (item->kase, solidarity);
      item->parts |= CW_CASEFILE_HAS_SOLIDARITY;
    }

  for (xmlNode *note = node->children; note != NULL; note = note->next)
    if (node_is (note, "note"))
      {
        g_ptr_array_add (cw_case_get_safety_notes (item->kase), get_text (note));
        item->parts |= CW_CASEFILE_HAS_SAFETY_NOTES;
      }
}

static void
read_case_element (ReadContext    *ctx,
                   xmlNode        *child,
                   CwCasefileCase *item)
{
  CwCase *kase = item->kase;
  const char *name = (const char *) child->name;
  g_autofree char *text = NULL;

  if (g_str_equal (name, "reference"))
    {
      g_autofree char *scheme = get_attr (child, "scheme");

      text = get_text (child);
      g_ptr_array_add (cw_case_get_references (kase), cw_reference_new (scheme, text));
      item->parts |= CW_CASEFILE_HAS_REFERENCES;
    }
  else if (g_str_equal (name, "urgent-action"))
    read_urgent_action (ctx, child, item);
  else if (g_str_equal (name, "country"))
    {
      g_autofree char *code = get_attr (child, "code");

      text = get_text (child);
      cw_case_set_country_code (kase, code);
      cw_case_set_country_name (kase, text);
    }
  else if (g_str_equal (name, "theme"))
    {
      g_ptr_array_add (cw_case_get_themes (kase), get_text (child));
      item->parts |= CW_CASEFILE_HAS_THEMES;
    }
  else if (g_str_equal (name, "person"))
    {
      g_ptr_array_add (cw_case_get_people (kase), read_person (ctx, child));
      item->parts |= CW_CASEFILE_HAS_PEOPLE;
    }
  else if (g_str_equal (name, "detention"))
    {
      cw_case_set_detention (kase, read_detention (ctx, child));
      item->parts |= CW_CASEFILE_HAS_DETENTION;
    }
  else if (g_str_equal (name, "safety"))
    read_safety (child, item);
  else if (g_str_equal (name, "coordinator"))
    {
      cw_case_set_coordinator (kase, read_contact (child));
      item->parts |= CW_CASEFILE_HAS_COORDINATOR;
    }
  else if (g_str_equal (name, "holder"))
    {
      CwContact *holder = read_contact (child);

      holder->from = date_attr (ctx, child, "from", _("the holder’s start date"));
      holder->to = date_attr (ctx, child, "to", _("the holder’s end date"));
      g_ptr_array_add (cw_case_get_holders (kase), holder);
      item->parts |= CW_CASEFILE_HAS_HOLDERS;
    }
  else if (g_str_equal (name, "target"))
    {
      g_ptr_array_add (cw_case_get_targets (kase), read_target (child));
      item->parts |= CW_CASEFILE_HAS_TARGETS;
    }
  else if (g_str_equal (name, "recommended-action"))
    {
      g_ptr_array_add (cw_case_get_recommended_actions (kase), get_text (child));
      item->parts |= CW_CASEFILE_HAS_ACTIONS;
    }
  else if (g_str_equal (name, "model-letter"))
    {
      g_autofree char *language = get_attr (child, "language");

      text = get_text (child);
      g_ptr_array_add (cw_case_get_model_letters (kase), cw_model_letter_new (language, text));
      item->parts |= CW_CASEFILE_HAS_MODEL_LETTERS;
    }
  else if (g_str_equal (name, "entry"))
    {
      CwCasefileEntryParts parts = 0;

      g_ptr_array_add (item->entries, read_entry (ctx, child, cw_case_get_id (kase), &parts));
      g_array_append_val (item->entry_parts, parts);
    }
}

/* Single text elements of a case: title, region, opened, closed, summary,
 * background. */
static gboolean
read_case_text (ReadContext    *ctx,
                xmlNode        *child,
                CwCasefileCase *item)
{
  const char *name = (const char *) child->name;
  g_autofree char *text = NULL;

  if (g_str_equal (name, "opened"))
    {
      text = date_text (ctx, child, _("the date the case was opened"));
      cw_case_set_opened (item->kase, text);
      item->parts |= CW_CASEFILE_HAS_OPENED;
      return TRUE;
    }
  if (g_str_equal (name, "closed"))
    {
      g_autofree char *outcome = get_attr (child, "outcome");

      text = date_text (ctx, child, _("the date the case was closed"));
      cw_case_set_closed (item->kase, text);
      cw_case_set_closed_outcome (item->kase, outcome);
      item->parts |= CW_CASEFILE_HAS_CLOSED;
      return TRUE;
    }

  text = get_text (child);
  if (g_str_equal (name, "title"))
    cw_case_set_title (item->kase, text);
  else if (g_str_equal (name, "region"))
    {
      cw_case_set_region (item->kase, text);
      item->parts |= CW_CASEFILE_HAS_REGION;
    }
  else if (g_str_equal (name, "summary"))
    cw_case_set_summary (item->kase, text);
  else if (g_str_equal (name, "background"))
    {
      cw_case_set_background (item->kase, text);
      item->parts |= CW_CASEFILE_HAS_BACKGROUND;
    }
  else
    return FALSE;

  return TRUE;
}

static CwCasefileCase *
read_case (ReadContext *ctx,
           xmlNode     *node)
{
  CwCasefileCase *item = g_new0 (CwCasefileCase, 1);

  item->kase = cw_case_new ();
  item->entries = g_ptr_array_new_with_free_func (g_object_unref);
  item->entry_parts = g_array_new (FALSE, FALSE, sizeof (CwCasefileEntryParts));
  item->line = (int) node_line (node);
  cw_case_set_has_details (item->kase, TRUE);

  read_case_attributes (ctx, node, item);
  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    {
      if (!is_casefile_node (child))
        continue;
      if (!read_case_text (ctx, child, item))
        read_case_element (ctx, child, item);
    }

  return item;
}

static void
read_source (xmlNode    *node,
             CwCasefile *casefile)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, "organisation"))
      casefile->source_organisation = get_text (child);
}

/* What the root carries; the cases were read as they were parsed, and the
 * scope when the root began (stream_root_started()). */
static void
read_root (ReadContext *ctx,
           xmlNode     *root,
           CwCasefile  *casefile)
{
  /* Nothing keeps the export time, but a wrong one is still an error. */
  g_free (timestamp_attr (ctx, root, "exported"));
  casefile->version = get_attr (root, "version");

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (node_is (child, "source"))
      read_source (child, casefile);
}

/* Reading as the parser goes.
 *
 * Each child of the root is handled when the parser has read all of it:
 * what this reader does not know is dropped with a warning, then the
 * common mistakes are looked for, and a <case> is validated, its patterns
 * checked and its values read, after which only an empty <case/> is left
 * in its place. Once the document is parsed, the root and what is left
 * under it are validated against the schema with <case> empty.
 *
 * A document is refused for its first problem in the order the checks
 * would find them on the whole tree: not well-formed, not a casefile, a
 * common mistake, anything against the schema or one of its patterns (the
 * first in the document), a value the program refuses. So each kind keeps
 * the first problem it met, and a case is checked for a kind only while no
 * earlier problem of that kind or of one that comes before it was met. */
struct _Stream
{
  ReadContext *ctx;
  CwCasefile *casefile;
  CwCasefileCaseFunc case_func; /* takes each case read, if set */
  gpointer case_data;
  gboolean active;          /* the root is a casefile of a version we read */
  gboolean newer_minor;
  GError *root_error;       /* not a casefile, or of another version */
  GError *mistake;          /* the first common mistake under the root */
  GError *invalid;          /* the first case against the schema or its
                             * patterns ... */
  int invalid_line;         /* ... and its line */
  GError *value;            /* the first case value the program refuses */
  GPtrArray *dropped;       /* children of the root to remove at the end */
};

static void
stream_clear (Stream *stream)
{
  g_clear_error (&stream->root_error);
  g_clear_error (&stream->mistake);
  g_clear_error (&stream->invalid);
  g_clear_error (&stream->value);
  g_clear_pointer (&stream->dropped, g_ptr_array_unref);
  g_clear_pointer (&stream->casefile, cw_casefile_free);
}

/* Frees what an element holds, keeping the element itself. */
static void
empty_element (xmlNode *node)
{
  xmlFreeNodeList (node->children);
  node->children = node->last = NULL;
  xmlFreePropList (node->properties);
  node->properties = NULL;
}

static void
stream_root_started (Stream  *stream,
                     xmlDoc  *doc,
                     xmlNode *root)
{
  ReadContext phase = *stream->ctx;
  g_autofree char *scope = NULL;
  int value = CW_CASEFILE_SCOPE_FULL;
  int minor;

  phase.error = NULL;
  minor = check_root (&phase, doc);
  if (minor < 0)
    {
      stream->root_error = phase.error;
      return;
    }

  stream->active = TRUE;
  stream->newer_minor = minor > 0;
  /* Whoever takes the cases as they come must know it before the first. */
  scope = get_attr (root, "scope");
  if (scope != NULL)
    cw_enum_from_nick (CW_TYPE_CASEFILE_SCOPE, scope, &value);
  stream->casefile->scope = value;
  /* Nothing under the root yet: this strips its attributes. */
  strip_unknown (stream->ctx, root, stream->newer_minor);
}

/* What the schema and its patterns say of @node, as one problem: the one
 * that comes first in the document, as validation with the patterns in the
 * schema would have found it. */
static GError *
check_against_schema (ReadContext   *ctx,
                      xmlRelaxNGPtr  schema,
                      xmlDoc        *doc,
                      xmlNode       *node,
                      int           *line)
{
  ReadContext invalid = *ctx;
  ReadContext pattern = *ctx;
  int invalid_line = G_MAXINT, pattern_line = G_MAXINT;

  invalid.error = NULL;
  pattern.error = NULL;
  if (schema == NULL)
    validate_case (&invalid, node, &invalid_line);
  else
    validate (&invalid, schema, doc, &invalid_line);
  check_patterns (&pattern, node, &pattern_line);

  if (pattern.error != NULL && pattern_line <= invalid_line)
    {
      g_clear_error (&invalid.error);
      *line = pattern_line;
      return pattern.error;
    }
  g_clear_error (&pattern.error);
  *line = invalid_line;
  return invalid.error;
}

/* One complete case: each check in turn, as long as it can still be the
 * one that refuses the document. */
static void
stream_case (Stream  *stream,
             xmlNode *node)
{
  ReadContext phase = *stream->ctx;
  CwCasefileCase *item;
  int line = 0;

  if (stream->invalid != NULL)
    return;
  stream->invalid = check_against_schema (stream->ctx, NULL, NULL, node, &line);
  if (stream->invalid != NULL)
    {
      stream->invalid_line = line;
      return;
    }

  if (stream->value != NULL)
    return;
  phase.error = NULL;
  item = read_case (&phase, node);
  if (phase.error != NULL)
    {
      stream->value = phase.error;
      cw_casefile_case_free (item);
      return;
    }
  if (stream->case_func != NULL)
    stream->case_func (stream->casefile, item, stream->case_data);
  else
    g_ptr_array_add (stream->casefile->cases, item);
}

static void
stream_child_done (Stream  *stream,
                   xmlNode *child)
{
  ReadContext phase = *stream->ctx;

  if (child->type != XML_ELEMENT_NODE)
    return;
  /* Not a casefile of a version we read: the tree is of no more use. */
  if (!stream->active)
    {
      empty_element (child);
      return;
    }

  if (warn_if_unknown (stream->ctx, find_known ("casefile"), child, stream->newer_minor))
    {
      /* Removed once the parser is done with the tree. */
      empty_element (child);
      g_ptr_array_add (stream->dropped, child);
      return;
    }
  strip_unknown (stream->ctx, child, stream->newer_minor);

  phase.error = NULL;
  if (stream->mistake == NULL)
    {
      explain_common_mistakes (&phase, child);
      stream->mistake = phase.error;
    }

  if (node_is (child, "case"))
    {
      if (stream->mistake == NULL)
        stream_case (stream, child);
      empty_element (child);
    }
}

/* An element of another vocabulary within a child of the root, complete:
 * warned about and removed, as strip_unknown() would have done once the
 * child was. The parser has let go of it. */
static void
stream_foreign_done (Stream  *stream,
                     xmlNode *node)
{
  if (!stream->active)
    return;
  warn_if_unknown (stream->ctx, NULL, node, stream->newer_minor);
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* Once the whole document is parsed: the root and what is left under it,
 * then which problem, if any, refuses the document. */
static void
stream_finish (Stream *stream,
               xmlDoc *doc)
{
  ReadContext *ctx = stream->ctx;
  xmlNode *root = xmlDocGetRootElement (doc);
  ReadContext phase = *ctx;
  GError *root_mistake = NULL;
  GError *invalid = NULL;
  int line = 0;

  if (stream->root_error != NULL)
    {
      ctx->error = g_steal_pointer (&stream->root_error);
      return;
    }
  if (root == NULL)
    {
      fail (ctx, CW_CASEFILE_ERROR_NOT_CASEFILE, "%s", _("the document is empty"));
      return;
    }

  for (guint i = 0; i < stream->dropped->len; i++)
    {
      xmlNode *child = g_ptr_array_index (stream->dropped, i);

      xmlUnlinkNode (child);
      xmlFreeNode (child);
    }
  g_ptr_array_set_size (stream->dropped, 0);

  /* The root's own mistakes come before those of anything under it. */
  phase.error = NULL;
  explain_own_mistakes (&phase, root);
  root_mistake = phase.error;
  if (root_mistake != NULL || stream->mistake != NULL)
    {
      ctx->error = root_mistake != NULL ? root_mistake : g_steal_pointer (&stream->mistake);
      return;
    }

  /* Against the schema, whichever comes first in the document. */
  invalid = check_against_schema (ctx, get_schemas ()->skeleton, doc, root, &line);
  if (invalid != NULL && stream->invalid != NULL)
    {
      if (stream->invalid_line < line)
        g_clear_error (&invalid);
      else
        g_clear_error (&stream->invalid);
    }
  if (invalid != NULL || stream->invalid != NULL)
    {
      ctx->error = invalid != NULL ? invalid : g_steal_pointer (&stream->invalid);
      return;
    }

  read_root (ctx, root, stream->casefile);
  if (ctx->error == NULL && stream->value != NULL)
    ctx->error = g_steal_pointer (&stream->value);
}

/**
 * cw_casefile_read:
 * @bytes: the document as it came
 * @name: how to name the document in messages, usually its file name
 *
 * Reads and checks a whole casefile document. Nothing is stored: see
 * cw_store_import_casefile().
 *
 * Returns: (transfer full): the document's cases, or %NULL with an error
 *   that says what is wrong and where, as "NAME:LINE:COLUMN: message"
 */
CwCasefile *
cw_casefile_read (GBytes      *bytes,
                  const char  *name,
                  GError     **error)
{
  return cw_casefile_read_with_limit (bytes, name, CW_CASEFILE_MAX_BYTES, error);
}

/* Reads the document @feed gives, which came from @start in memory or
 * from @file. */
static CwCasefile *
read_feed (const char          *name,
           Feed                *feed,
           const char          *start,
           GFile               *file,
           CwCasefileCaseFunc   case_func,
           gpointer             case_data,
           GError             **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReadContext ctx = { name, NULL, warnings, ids };
  Stream stream = { &ctx, NULL, case_func, case_data };
  CwCasefile *casefile = NULL;
  xmlDoc *doc = NULL;

  init_libxml ();

  stream.casefile = g_new0 (CwCasefile, 1);
  stream.casefile->name = g_strdup (ctx.name);
  stream.casefile->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_case_free);
  stream.dropped = g_ptr_array_new ();

  if ((doc = parse_checked (&ctx, &stream, feed, start, file)) != NULL)
    stream_finish (&stream, doc);

  g_clear_pointer (&doc, xmlFreeDoc);

  if (ctx.error == NULL)
    casefile = g_steal_pointer (&stream.casefile);
  stream_clear (&stream);

  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return NULL;
    }

  g_assert (casefile != NULL);
  casefile->warnings = g_steal_pointer (&warnings);
  return casefile;
}

/**
 * cw_casefile_read_with_limit:
 * @max_bytes: refuse documents larger than this
 *
 * Like cw_casefile_read(), with a size cap of the caller's.
 */
CwCasefile *
cw_casefile_read_with_limit (GBytes      *bytes,
                             const char  *name,
                             gsize        max_bytes,
                             GError     **error)
{
  Feed feed = { 0 };
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "casefile";
  data = g_bytes_get_data (bytes, &size);
  if (size > max_bytes)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE,
                   _("%s: the file is %" G_GSIZE_FORMAT " bytes; Casework reads casefiles of up "
                     "to %" G_GSIZE_FORMAT " bytes"), name, size, max_bytes);
      return NULL;
    }

  feed.data = data;
  feed.left = size;
  feed.max_bytes = max_bytes;
  return read_feed (name, &feed, data, NULL, NULL, NULL, error);
}

/**
 * cw_casefile_read_file:
 *
 * Reads a casefile document from a file, refusing one over the size cap
 * before reading it. The file is read a piece at a time as it is parsed,
 * never whole into memory; a pipe or a device that goes on past the cap
 * is refused there.
 */
CwCasefile *
cw_casefile_read_file (GFile   *file,
                       GError **error)
{
  return cw_casefile_read_file_each (file, NULL, NULL, error);
}

/**
 * cw_casefile_read_file_each:
 * @case_func: (nullable): takes each case once it is read and checked
 *
 * Like cw_casefile_read_file(), but hands each case to @case_func, in
 * document order and from the calling thread, as soon as it has been read,
 * instead of keeping it in the #CwCasefile returned. The document's scope
 * is known by then; its name and scope are in the casefile @case_func is
 * given.
 *
 * A case is handed over before the document as a whole is known to be
 * sound: if this returns %NULL, every case @case_func took belongs to a
 * document that was refused, and must be let go.
 *
 * Returns: (transfer full): the document, with no cases if @case_func took
 *   them, or %NULL with an error
 */
CwCasefile *
cw_casefile_read_file_each (GFile              *file,
                            CwCasefileCaseFunc  case_func,
                            gpointer            case_data,
                            GError            **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  Feed feed = { 0 };
  CwCasefile *casefile;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  if (g_file_info_get_size (info) > CW_CASEFILE_MAX_BYTES)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE,
                   _("%s: the file is %" G_GOFFSET_FORMAT " bytes; Casework reads casefiles "
                     "of up to %d bytes"), name, g_file_info_get_size (info), CW_CASEFILE_MAX_BYTES);
      return NULL;
    }

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  /* libxml2 asks for a few kilobytes at a time */
  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (in), 65536);
  feed.in = buffered;
  feed.max_bytes = CW_CASEFILE_MAX_BYTES;
  casefile = read_feed (name, &feed, NULL, file, case_func, case_data, error);
  g_clear_error (&feed.io_error);
  return casefile;
}
