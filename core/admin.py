"""The admin login asks for the authenticator code (see core.two_factor)."""

from django.contrib import admin

from core.two_factor import AdminLoginForm

admin.site.login_form = AdminLoginForm
admin.site.login_template = "security/admin_login.html"
