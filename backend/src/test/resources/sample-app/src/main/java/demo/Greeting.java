package demo;

public class Greeting {

    public static String text() {
        return "hello from version 1";
    }
}
