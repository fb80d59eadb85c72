package demo;

public class Greeting {

    public static String text() {
        return "hello from boot version 1";
    }
}
