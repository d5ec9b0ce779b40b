"""
The media library and the plugins that place media on pages.

Files live in django-filer's library (uploaded, organised and replaced in the
admin by content authors); uploads are checked by content in ``uploads``. Pages
show them through this app's plugins: ``Picture`` (alt text or explicitly
decorative, responsive WebP renditions), ``Video`` (self-hosted, with WebVTT
captions) and ``SequenceDisplay``, which shows the illustrated ``Step`` plugins
of an alias either as an animation or as a list of illustrated steps, so the
Procedure Animation and Step-by-Step pages share one set of frames.

Plugins refer to files with ``on_delete=PROTECT``: a file used by any version
of any page or alias (published, draft or archived, so a revert still works)
cannot be deleted, only replaced; the admin says where it is used (``usage``).
"""
