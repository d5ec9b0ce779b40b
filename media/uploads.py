"""Upload checks for the media library (being written: see media/__init__.py)."""


def check_size(file_name, file, owner, mime_type):
    pass


def check_image(file_name, file, owner, mime_type):
    pass


def apply_exif_orientation(file_name, file, owner, mime_type):
    pass


def check_video(file_name, file, owner, mime_type):
    pass


def check_captions(file_name, file, owner, mime_type):
    pass


def connect():
    pass
