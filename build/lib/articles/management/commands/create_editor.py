"""
``python manage.py create_editor USERNAME [--email ADDRESS] [--no-input]``

Makes an editor: a staff account in the Editors group, which may add and
correct coverage but not manage users. The password is asked for twice; with
``--no-input`` it is read from the STRIKEWATCH_EDITOR_PASSWORD environment
variable. There is deliberately no ``--password`` option: a password on the
command line ends up in shell history and in ``ps`` output.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

EDITORS_GROUP = "Editors"
PASSWORD_ENV = "STRIKEWATCH_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = "Create an editor account: staff, in the Editors group, no user management."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The editor's email address.")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help=f"Do not prompt: read the password from the {PASSWORD_ENV} environment variable.",
        )

    def handle(self, *args, username, email, interactive, **options):
        User = get_user_model()
        group = Group.objects.filter(name=EDITORS_GROUP).first()
        if group is None:
            raise CommandError(
                f"There is no {EDITORS_GROUP} group: run `python manage.py migrate` (migration "
                "articles 0002_editors_group creates it)."
            )
        username_field = User._meta.get_field(User.USERNAME_FIELD)
        try:
            username = username_field.clean(username.strip(), None)
            if email:
                validate_email(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if User._default_manager.filter(**{f"{User.USERNAME_FIELD}__iexact": username}).exists():
            raise CommandError(f"A user named “{username}” already exists.")

        user = User(
            **{User.USERNAME_FIELD: username}, email=User._default_manager.normalize_email(email)
        )
        password = self.read_password(user, interactive)
        with transaction.atomic():
            user.set_password(password)
            user.is_staff = True
            user.save()
            user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(f"Editor “{username}” created; they can sign in at /admin/.")
        )

    def read_password(self, user, interactive):
        if not interactive:
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(
                    f"With --no-input, put the password in the {PASSWORD_ENV} environment variable."
                )
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError("The password is refused: " + " ".join(error.messages)) from None
            return password
        while True:
            try:
                password = getpass.getpass("Password: ")
                again = getpass.getpass("Password (again): ")
            except (EOFError, KeyboardInterrupt):
                raise CommandError("Cancelled: no editor created.") from None
            if again != password:
                self.stderr.write("The passwords do not match; try again.")
                continue
            if not password.strip():
                self.stderr.write("The password cannot be blank.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return password
