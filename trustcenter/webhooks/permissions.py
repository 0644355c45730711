from wagtail.permission_policies import ModelPermissionPolicy


class DeliveryLogPolicy(ModelPermissionPolicy):
    """The delivery log is written by deliveries alone: anyone may only view it (an
    administrator, or a user given its view permission), never add, change or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])
