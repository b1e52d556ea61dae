package clinic.threshold.ui;

import clinic.threshold.ui.common.DialogService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;

/** The real dialogs, except that "save as" answers with the suggested name in a test's folder. */
final class SavingDialogs {
    private SavingDialogs() {
    }

    static DialogService into(DialogService real, Path folder) {
        return (DialogService) Proxy.newProxyInstance(DialogService.class.getClassLoader(), new Class<?>[] {DialogService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("chooseSaveFile")) {
                        return Optional.of(folder.resolve((String) args[1]));
                    }
                    try {
                        Object out = method.invoke(real, args);
                        return method.getName().equals("forWindow") ? into((DialogService) out, folder) : out;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
