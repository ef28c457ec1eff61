app_name = "voting"

urlpatterns = []
